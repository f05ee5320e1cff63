import { useState } from 'react';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

const messages = defineMessages('backups.backupsPanel', {
  title: [],
  intro: ['folder', 'keep'],
  none: [],
  when: [],
  why: [],
  size: [],
  backUp: [],
  working: [],
  restore: [],
  confirm: ['when'],
  yes: [],
  no: [],
  restored: ['name'],
  created: [],
  'before-import': [],
  'before-restore': [],
  manual: [],
  'before-migration': [],
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
