import { useQuery } from '../../api/hooks.ts';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { chainMessages } from './messages.ts';

/**
 * The interviewed enterprise's figures, recomputed by the engine after every row (useQuery
 * calls again on catalogue-changed): its direct and chain solidarity shares, and its largest
 * purchases from non-solidarity suppliers (the links worth replacing first).
 */
export function InterviewFigures({ id, names }: { id: string; names: Record<string, string> }) {
  const t = useMessages(chainMessages);
  const { percent, number } = useI18n();
  const chain = useQuery('engine-chain', { enterprise: id });
  const c = chain.data;
  // '…' while the engine works; '—' when it has answered that there is no valued purchase.
  const share = (v: number | null | undefined) => (!c ? '…' : v === null || v === undefined ? '—' : percent(v));
  const worst = (c?.suppliers ?? []).filter((s) => !s.solidarity && s.value > 0).slice(0, 5);
  return (
    <div className="figures" aria-live="polite" aria-busy={chain.loading}>
      <div className="figure" data-figure="direct-share">
        <div className="muted small">{t('directShare')}</div>
        <div className="big">{share(c?.directShare)}</div>
      </div>
      <div className="figure" data-figure="chain-share">
        <div className="muted small">{t('chainShare')}</div>
        <div className="big">{share(c?.chainShare)}</div>
      </div>
      <div className="figure" data-figure="worst-links">
        <div className="muted small">{t('worstLinks')}</div>
        {worst.length === 0 ? (
          <p className="muted">{c ? t('noFigures') : t('figuresLoading')}</p>
        ) : (
          <ol>
            {worst.map((s) => (
              <li key={s.enterprise}>
                {names[s.enterprise] ?? s.enterprise}: {number(s.value)}
              </li>
            ))}
          </ol>
        )}
      </div>
      {chain.error && (
        <p className="error" role="alert">
          {chain.error}
        </p>
      )}
    </div>
  );
}
