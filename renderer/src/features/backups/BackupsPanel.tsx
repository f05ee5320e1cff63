import { useState } from 'react';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

const messages = defineMessages({
  en: {
    title: 'Backups', intro: 'Teia keeps the {keep} newest copies of the catalogue, taken before every import, update and restore, in {folder}.',
    none: 'No backups yet.', when: 'Taken', why: 'Why', size: 'Size', backUp: 'Back up now', working: 'Working…', restore: 'Restore',
    confirm: 'Put the catalogue back as it was on {when}? The current state is backed up first, so this can be undone.', yes: 'Restore it', no: 'Cancel',
    restored: 'Restored. The state before the restore was kept as a backup ({name}).', created: 'Backup taken.',
    'before-import': 'before an import', 'before-restore': 'before a restore', manual: 'by hand', 'before-migration': 'before an update of Teia',
  },
  es: {
    title: 'Copias de seguridad', intro: 'Teia guarda las {keep} copias más recientes del catálogo, hechas antes de cada importación, actualización y restauración, en {folder}.',
    none: 'Aún no hay copias.', when: 'Fecha', why: 'Motivo', size: 'Tamaño', backUp: 'Hacer una copia ahora', working: 'Trabajando…', restore: 'Restaurar',
    confirm: '¿Devolver el catálogo al estado del {when}? Antes se guarda una copia del estado actual, así que se puede deshacer.', yes: 'Restaurar', no: 'Cancelar',
    restored: 'Restaurado. El estado anterior quedó guardado como copia ({name}).', created: 'Copia hecha.',
    'before-import': 'antes de una importación', 'before-restore': 'antes de una restauración', manual: 'a mano', 'before-migration': 'antes de actualizar Teia',
  },
  pt: {
    title: 'Cópias de segurança', intro: 'A Teia guarda as {keep} cópias mais recentes do catálogo, feitas antes de cada importação, atualização e restauração, em {folder}.',
    none: 'Ainda não há cópias.', when: 'Data', why: 'Motivo', size: 'Tamanho', backUp: 'Fazer uma cópia agora', working: 'Trabalhando…', restore: 'Restaurar',
    confirm: 'Voltar o catálogo ao estado de {when}? Antes é guardada uma cópia do estado atual, então dá para desfazer.', yes: 'Restaurar', no: 'Cancelar',
    restored: 'Restaurado. O estado anterior ficou guardado como cópia ({name}).', created: 'Cópia feita.',
    'before-import': 'antes de uma importação', 'before-restore': 'antes de uma restauração', manual: 'manual', 'before-migration': 'antes de atualizar a Teia',
  },
  fr: {
    title: 'Sauvegardes', intro: 'Teia garde les {keep} copies les plus récentes du catalogue, faites avant chaque import, mise à jour et restauration, dans {folder}.',
    none: 'Pas encore de sauvegarde.', when: 'Date', why: 'Motif', size: 'Taille', backUp: 'Sauvegarder maintenant', working: 'En cours…', restore: 'Restaurer',
    confirm: 'Remettre le catalogue dans son état du {when} ? L’état actuel est sauvegardé d’abord : on peut revenir en arrière.', yes: 'Restaurer', no: 'Annuler',
    restored: 'Restauré. L’état d’avant a été gardé en sauvegarde ({name}).', created: 'Sauvegarde faite.',
    'before-import': 'avant un import', 'before-restore': 'avant une restauration', manual: 'à la main', 'before-migration': 'avant une mise à jour de Teia',
  },
});

type Reason = 'before-import' | 'before-restore' | 'manual' | 'before-migration';

/** The catalogue's rolling backups: list, take one now, restore one (which can itself be undone). */
export function BackupsPanel({ readOnly }: { readOnly: boolean }) {
  const t = useMessages(messages);
  const { lang } = useI18n();
  const list = useQuery('backup-list', {});
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const date = (iso: string) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(iso));
  const size = (bytes: number) => new Intl.NumberFormat(lang, { style: 'unit', unit: bytes >= 1048576 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(bytes >= 1048576 ? bytes / 1048576 : bytes / 1024);
  const why = (reason: string) => {
    const key = (reason.startsWith('before-migration') ? 'before-migration' : reason) as Reason;
    return ['before-import', 'before-restore', 'manual', 'before-migration'].includes(key) ? t(key) : reason;
  };
  const act = async (work: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      setNote(await work());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setAsking(null);
      list.reload();
    }
  };
  const items = list.data?.items ?? [];
  return (
    <section aria-labelledby="backups-title" data-testid="backups-panel">
      <h2 id="backups-title">{t('title')}</h2>
      {list.data && <p className="muted small">{t('intro', { keep: String(list.data.keep), folder: list.data.folder })}</p>}
      <ErrorNote error={list.error ?? error} />
      {note && <p role="status">{note}</p>}
      {!readOnly && (
        <button type="button" disabled={busy} onClick={() => void act(async () => (await call('backup-create', {}), t('created')))}>
          {busy ? t('working') : t('backUp')}
        </button>
      )}
      {list.data && items.length === 0 && <p>{t('none')}</p>}
      {items.length > 0 && (
        <table className="table compact">
          <thead>
            <tr><th scope="col">{t('when')}</th><th scope="col">{t('why')}</th><th scope="col">{t('size')}</th>{!readOnly && <td />}</tr>
          </thead>
          <tbody>
            {items.map((b) => (
              <tr key={b.name}>
                <td title={b.name}>{date(b.createdAt)}</td>
                <td>{why(b.reason)}</td>
                <td>{size(b.bytes)}</td>
                {!readOnly && (
                  <td>
                    {asking === b.name ? (
                      <span role="group" aria-label={t('restore')}>
                        <span>{t('confirm', { when: date(b.createdAt) })} </span>
                        <button type="button" className="primary" disabled={busy} onClick={() => void act(async () => t('restored', { name: (await call('backup-restore', { name: b.name })).undo?.name ?? '—' }))}>{t('yes')}</button>{' '}
                        <button type="button" onClick={() => setAsking(null)}>{t('no')}</button>
                      </span>
                    ) : (
                      <button type="button" disabled={busy} onClick={() => setAsking(b.name)}>{t('restore')}</button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
