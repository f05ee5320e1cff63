import { useState } from 'react';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { defineMessages, useI18n, useMessages } from '../../i18n/index.tsx';
import { Link } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useVocab } from '../../components/vocab.ts';

const messages = defineMessages({
  en: {
    title: 'To classify', lead: '{count} enterprises came in without anyone saying whether they are solidarity enterprises. Until you decide they count as not solidarity.',
    leadOne: '1 enterprise came in without anyone saying whether it is a solidarity enterprise. Until you decide it counts as not solidarity.',
    select: 'Select', selectPage: 'Select all on this page', name: 'Name', place: 'Place', structure: 'Structure or legal form',
    markYes: 'Solidarity', markNo: 'Not solidarity', selected: '{count} selected', done: '{count} decided.', more: 'Show the next {count}', previous: 'Previous', inDirectory: 'See them all in the directory',
  },
  es: {
    title: 'Por clasificar', lead: '{count} emprendimientos llegaron sin que nadie dijera si son solidarios. Hasta que decida cuentan como no solidarios.',
    leadOne: '1 emprendimiento llegó sin que nadie dijera si es solidario. Hasta que decida cuenta como no solidario.',
    select: 'Seleccionar', selectPage: 'Seleccionar todos en esta página', name: 'Nombre', place: 'Lugar', structure: 'Estructura o forma jurídica',
    markYes: 'Solidario', markNo: 'No solidario', selected: '{count} seleccionados', done: '{count} decididos.', more: 'Ver los siguientes {count}', previous: 'Anteriores', inDirectory: 'Verlos todos en el directorio',
  },
  pt: {
    title: 'A classificar', lead: '{count} empreendimentos chegaram sem que ninguém dissesse se são solidários. Até você decidir, contam como não solidários.',
    leadOne: '1 empreendimento chegou sem que ninguém dissesse se é solidário. Até você decidir, conta como não solidário.',
    select: 'Selecionar', selectPage: 'Selecionar todos nesta página', name: 'Nome', place: 'Local', structure: 'Estrutura ou natureza jurídica',
    markYes: 'Solidário', markNo: 'Não solidário', selected: '{count} selecionados', done: '{count} decididos.', more: 'Ver os próximos {count}', previous: 'Anteriores', inDirectory: 'Ver todos no diretório',
  },
  fr: {
    title: 'À classer', lead: '{count} entreprises sont arrivées sans que personne ne dise si elles sont solidaires. Tant que vous n’avez pas décidé, elles comptent comme non solidaires.',
    leadOne: '1 entreprise est arrivée sans que personne ne dise si elle est solidaire. Tant que vous n’avez pas décidé, elle compte comme non solidaire.',
    select: 'Sélectionner', selectPage: 'Tout sélectionner sur cette page', name: 'Nom', place: 'Lieu', structure: 'Structure ou forme juridique',
    markYes: 'Solidaire', markNo: 'Non solidaire', selected: '{count} sélectionnées', done: '{count} décidées.', more: 'Voir les {count} suivantes', previous: 'Précédentes', inDirectory: 'Les voir toutes dans l’annuaire',
  },
});

const pageSize = 50;

/**
 * The Overview's list of enterprises an import left undecided, with bulk decisions: the
 * person ticks rows (or a whole page) and says solidarity or not; the list refreshes from the
 * catalogue-changed event the decision sends.
 */
export function ToClassify() {
  const t = useMessages(messages);
  const { number } = useI18n();
  const vocab = useVocab();
  const [offset, setOffset] = useState(0);
  const list = useQuery('enterprise-unclassified', { offset, limit: pageSize });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = list.data;
  if (!data || data.total === 0) return <ErrorNote error={list.error} />;
  const items = data.items;
  const allOnPage = items.length > 0 && items.every((e) => selected.has(e.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const decide = async (solidarity: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const r = await call('enterprise-classify', { ids: [...selected], solidarity });
      setSelected(new Set());
      setStatus(t('done', { count: number(r.updated) }));
      // Decided rows leave the list: stay on a page that still exists.
      if (offset >= data.total - r.updated) setOffset(Math.max(0, offset - pageSize));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const place = (e: (typeof items)[number]) => [e.locality, e.region, e.country].filter(Boolean).join(', ');
  const kind = (e: (typeof items)[number]) => (e.organisationalStructure ? vocab.label('structure', e.organisationalStructure) : (e.legalForm ?? ''));
  return (
    <section className="to-classify" aria-labelledby="to-classify-heading">
      <h2 id="to-classify-heading">
        {t('title')} <span className="muted" data-testid="to-classify-count">({number(data.total)})</span>
      </h2>
      <p>{data.total === 1 ? t('leadOne') : t('lead', { count: number(data.total) })}</p>
      <div className="actions">
        <button type="button" disabled={busy || selected.size === 0} onClick={() => void decide(true)}>{t('markYes')}</button>
        <button type="button" disabled={busy || selected.size === 0} onClick={() => void decide(false)}>{t('markNo')}</button>
        <span className="muted" role="status">{selected.size > 0 ? t('selected', { count: number(selected.size) }) : status}</span>
      </div>
      <ErrorNote error={error} />
      <table className="table">
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label={t('selectPage')}
                checked={allOnPage}
                onChange={() => setSelected((s) => {
                  const next = new Set(s);
                  for (const e of items) if (allOnPage) next.delete(e.id); else next.add(e.id);
                  return next;
                })}
              />
            </th>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('place')}</th>
            <th scope="col">{t('structure')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => (
            <tr key={e.id}>
              <td><input type="checkbox" aria-label={`${t('select')} ${e.name}`} checked={selected.has(e.id)} onChange={() => toggle(e.id)} /></td>
              <td><Link to={`/enterprise/${encodeURIComponent(e.id)}`}>{e.name}</Link></td>
              <td>{place(e)}</td>
              <td>{kind(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        {offset > 0 && <button type="button" onClick={() => setOffset(Math.max(0, offset - pageSize))}>{t('previous')}</button>}
        {offset + pageSize < data.total && (
          <button type="button" onClick={() => setOffset(offset + pageSize)}>{t('more', { count: number(Math.min(pageSize, data.total - offset - pageSize)) })}</button>
        )}
        <Link to="/directory?sol=unknown">{t('inDirectory')}</Link>
      </div>
    </section>
  );
}
