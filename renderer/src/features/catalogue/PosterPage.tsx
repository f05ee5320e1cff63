import { useEffect, useMemo } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useJob } from '../network/useJob.ts';
import { enterpriseName, productName, useLabels } from '../network/useLabels.ts';
import { posterMessages } from './poster-messages.ts';
import type { PlanChange } from '../planner/decisions.ts';
import { useCatalogueEmpty } from '../../components/EmptyCatalogue.tsx';
import { unpackChanges } from './poster-link.ts';

/**
 * A one-page poster for a shop to hang by the till: the share of what it buys from solidarity
 * enterprises now, and after the substitutions it has chosen in the planner, with who it now
 * buys from. The figures are the engine's (scenario-compare); nothing is recorded.
 */
export default function PosterPage({ params }: { params: Record<string, string> }) {
  const t = useMessages(posterMessages);
  const { percent, lang } = useI18n();
  const shop = params.id;
  const { query } = useRoute();
  const raw = query.get('changes');
  const changes = useMemo(() => unpackChanges(raw).filter((c) => c.buyer === shop), [raw, shop]);
  const job = useJob('scenario-compare');
  const { run } = job;
  const key = JSON.stringify(changes);
  useEffect(() => {
    void run({ network: null, changes: JSON.parse(key) as PlanChange[] });
  }, [key, run]);
  const me = job.data?.members.find((m) => m.id === shop);
  const ids = useMemo(() => [shop, ...changes.map((c) => c.to)], [shop, changes]);
  const labels = useLabels(ids, changes.map((c) => c.product));
  const ready = !job.running && (job.data !== undefined || job.error !== null);
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : percent(v));
  const after = changes.length ? me?.directAfter : undefined;
  // On an empty catalogue there is no shop and no figure: the shell's note says what to do.
  const empty = useCatalogueEmpty();
  if (empty) {
    return (
      <article className="poster">
        <p className="no-print">{t('intro')}</p>
      </article>
    );
  }

  return (
    <article className="poster" data-print-ready={ready ? 'true' : undefined}>
      <div className="no-print catalogue-tools">
        <p>{t('intro')}</p>
        <button type="button" disabled={!ready} onClick={() => window.print()}>{t('print')}</button>
      </div>
      <ErrorNote error={job.error} />
      <p className="poster-kicker">{t('kicker')}</p>
      <h1>{enterpriseName(labels, shop)}</h1>
      <div className="poster-figures">
        <div>
          <p className="poster-number" data-testid="poster-now">{pct(me?.directBefore)}</p>
          <p>{t('now')}</p>
        </div>
        {changes.length > 0 && (
          <div>
            <p className="poster-number poster-after" data-testid="poster-after">{pct(after)}</p>
            <p>{t('after')}</p>
          </div>
        )}
      </div>
      {changes.length > 0 && (
        <>
          <h2>{t('newSuppliers')}</h2>
          <ul className="poster-list">
            {changes.map((c) => (
              <li key={`${c.line}-${c.to}`}>{t('buysFrom', { product: productName(labels, c.product, lang), supplier: enterpriseName(labels, c.to) })}</li>
            ))}
          </ul>
        </>
      )}
      <p className="poster-foot">{t('foot')}</p>
    </article>
  );
}
