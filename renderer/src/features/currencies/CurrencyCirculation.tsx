import { useEffect, useMemo, useState } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
// Direct files, not the network index: that would pull the graph view (cytoscape) into this page.
import { CurrencyFigures } from '../network/CurrencyFigures.tsx';
import { JobProgress } from '../network/JobProgress.tsx';
import { useJob } from '../network/useJob.ts';
import { useLabels } from '../network/useLabels.ts';
import type { CurrencyPage } from '../../../../shared/contract/currencies.ts';
import { currencyMessages } from './messages.ts';

/**
 * How the currency circulates (ENGINE.md §3.8) in each network where members accept it, one
 * network at a time: the same engine-analyse figures and the same card as the Network screen.
 * With no network using it, the whole catalogue is the scope.
 */
export function CurrencyCirculation({ page }: { page: CurrencyPage }) {
  const t = useMessages(currencyMessages);
  const id = page.currency.id;
  const [chosen, setChosen] = useState<string | null | undefined>(undefined);
  const network = chosen === undefined ? (page.networks[0]?.id ?? null) : chosen;
  const job = useJob('engine-analyse');
  const { run } = job;
  // Asked again when the page's data is read again (an edit here or in another window).
  useEffect(() => {
    void run({ network, plan: false, limits: { links: 10, substitutes: 0, explain: 0 } });
  }, [network, run, page]);
  const figures = job.data?.result.currencies.find((c) => c.currency === id);
  const ids = useMemo(() => [...new Set([...(figures?.members ?? []).map((m) => m.enterprise), ...(figures?.nextAcceptors ?? []).map((n) => n.enterprise)])].sort(), [figures]);
  const labels = useLabels(ids, []);

  return (
    <section aria-labelledby="circulation-h" data-testid="currency-circulation">
      <h2 id="circulation-h">{t('circulationTitle')}</h2>
      <p className="muted small">{t('circulationLead')}</p>
      {page.networks.length === 0 ? (
        <p>{t('notInNetwork')}</p>
      ) : (
        <label>
          {t('network')}{' '}
          <select value={network ?? ''} onChange={(e) => setChosen(e.target.value || null)}>
            {page.networks.map((n) => (
              <option key={n.id} value={n.id}>
                {t('networkOption', { name: n.name, count: n.acceptors })}
              </option>
            ))}
            <option value="">{t('wholeCatalogue')}</option>
          </select>
        </label>
      )}
      {job.running && <JobProgress progress={job.progress} onCancel={job.cancel} label={t('loading')} />}
      <ErrorNote error={job.error} />
      {job.data && !job.running && (figures ? <CurrencyFigures c={figures} name={page.currency.name} labels={labels} network={network} link={false} /> : <p>{t('noFigures')}</p>)}
    </section>
  );
}
