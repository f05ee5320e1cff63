import { useEffect, useMemo, useState } from 'react';
import { useI18n, useMessages, useQuantity } from '../../i18n/index.tsx';
import { useMoney } from '../../components/money.ts';
import { useQuery } from '../../api/hooks.ts';
import { call, errorMessage } from '../../api/client.ts';
import { Link, useRoute } from '../../app/router.tsx';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { SolidarityBadge } from '../../components/SolidarityBadge.tsx';
import { useJob } from '../network/useJob.ts';
import { BuyersPanel } from './BuyersPanel.tsx';
import { PayablePanel } from './PayablePanel.tsx';
import { JobProgress } from '../network/JobProgress.tsx';
import { enterpriseName, productName, useLabels } from '../network/useLabels.ts';
import { ChainFlows } from '../network/FlowsPanel.tsx';
import { GraphPanel } from '../network/GraphPanel.tsx';
import { downloadBlob, downloadText, fileSlug } from '../charts/download.ts';
import { plannerMessages } from './messages.ts';
import { ShopPicker } from './ShopPicker.tsx';
import { LinkCard } from './LinkCard.tsx';
import { Outcome, useOutcome } from './Outcome.tsx';
import { linksOf, toChanges, type Decision, type Decisions } from './decisions.ts';
import { planCsv, planXlsx } from './export.ts';
import { planTable, type Contact } from './plan-table.ts';
import { unitName } from '../../i18n/units.ts';

export default function PlannerPage({ params }: { params: Record<string, string> }) {
  return params.id ? <ShopPlanner key={params.id} id={params.id} /> : <ShopPicker />;
}

const keep: Decision = { kind: 'keep' };

function ShopPlanner({ id }: { id: string }) {
  const t = useMessages(plannerMessages);
  const { number, percent, lang, date, locale } = useI18n();
  const quantity = useQuantity();
  const { money, code: moneyCode } = useMoney();
  const { navigate } = useRoute();
  const shop = useQuery('enterprise-get', { id });
  const chain = useQuery('engine-chain', { enterprise: id });
  const relations = useQuery('enterprise-relations', { id });
  const analysis = useJob('engine-analyse');
  const { run } = analysis;
  useEffect(() => {
    // Substitutes are catalogue-wide (ENGINE.md §3.4), so the scope is the whole catalogue.
    void run({ network: null, plan: false, limits: { links: 1_000_000, substitutes: 10, explain: 0 } });
  }, [run]);
  const links = useMemo(() => linksOf(analysis.data?.result.links ?? [], id), [analysis.data, id]);
  const [decisions, setDecisions] = useState<Decisions>({});
  const changes = useMemo(() => toChanges(links, decisions), [links, decisions]);
  const outcome = useOutcome(changes);

  const ids = useMemo(() => {
    const e = new Set<string>([id]);
    const p = new Set<string>();
    const offers: { enterprise: string; product: string }[] = [];
    for (const s of chain.data?.suppliers ?? []) e.add(s.enterprise);
    for (const l of links) {
      e.add(l.supplier);
      p.add(l.product);
      for (const s of l.substitutes) {
        e.add(s.enterprise);
        p.add(s.product);
        offers.push({ enterprise: s.enterprise, product: s.product });
      }
      if (l.leastBadAlternative) {
        e.add(l.leastBadAlternative.enterprise);
        offers.push({ enterprise: l.leastBadAlternative.enterprise, product: l.leastBadAlternative.product });
      }
    }
    return { enterprises: [...e].sort(), products: [...p].sort(), offers };
  }, [chain.data, links, id]);
  const labels = useLabels(ids.enterprises, ids.products, ids.offers);
  const proposed = useMemo(
    () =>
      changes.map((c) => {
        const l = links.find((x) => x.flow === c.line);
        const unit = l && l.value !== null && l.quantity !== null && l.quantity > 0 ? l.value / l.quantity : 0;
        return {
        source: c.to,
        target: c.buyer,
        value: unit * c.quantity,
        sourceName: enterpriseName(labels, c.to),
        sourceSolidarity: labels.enterprises[c.to]?.solidarity ?? true,
        sourceLat: labels.enterprises[c.to]?.lat ?? null,
        sourceLon: labels.enterprises[c.to]?.lon ?? null,
        };
      }),
    [changes, labels, links],
  );

  const [scenarioName, setScenarioName] = useState('');
  // Printing gives a one- or two-page summary unless the person asks for every link and the chain.
  const [printDetails, setPrintDetails] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  const name = shop.data?.name ?? id;
  const save = async () => {
    setSaveError(null);
    try {
      const n = scenarioName.trim() || t('defaultScenario', { name });
      await call('scenario-save', { name: n, network: null, changes });
      setSaved(n);
    } catch (err) {
      setSaveError(errorMessage(err));
    }
  };
  /** The plan as a table (plan-table.ts), with the new suppliers' contacts read from their pages. */
  const table = async () => {
    const contacts: Record<string, Contact> = {};
    for (const to of new Set(changes.map((c) => c.to))) {
      try {
        const e = await call('enterprise-get', { id: to });
        contacts[to] = { email: e.email, phone: e.phone, locality: e.locality, website: e.website };
      } catch {
        // removed meanwhile: the row keeps its name without contacts
      }
    }
    return planTable({
      shop: id, links, changes, labels, compare: outcome.data, lang, money: moneyCode, contacts,
      unitName: (u) => unitName(lang, u),
      text: {
        product: t('csvProduct'), from: t('csvFrom'), to: t('csvTo'), quantity: t('csvQuantity'), of: t('csvOf'), unit: t('csvUnit'), price: t('csvPrice'),
        value: t('csvValue'), currency: t('csvCurrency'), distance: t('csvDistance'), email: t('csvEmail'), phone: t('csvPhone'), town: t('csvTown'),
        figure: t('csvFigure'), before: t('before'), after: t('after'), direct: t('directShare'), chain: t('chainShare'), leakage: t('leakageAll'), cost: t('costAll'),
      },
    });
  };
  const exportCsv = async () => downloadText(`${fileSlug(t('csvFile', { name }))}.csv`, planCsv(await table(), locale), 'text/csv;charset=utf-8');
  const exportXlsx = async () => downloadBlob(`${fileSlug(t('csvFile', { name }))}.xlsx`, await planXlsx(await table(), t('csvFile', { name })));
  /** "Move 300 of 1,200 kg of Sugar from the mill to the co-op; 900 kg stay with the mill." */
  const planLine = (c: (typeof changes)[number]) => {
    const unit = labels.products[c.product]?.unit;
    const whole = links.find((l) => l.flow === c.line)?.quantity ?? c.quantity;
    const params = {
      quantity: quantity(c.quantity, unit),
      product: productName(labels, c.product, lang),
      from: enterpriseName(labels, c.from ?? ''),
      to: enterpriseName(labels, c.to),
    };
    return c.quantity < whole - 1e-9
      ? t('planLinePartial', { ...params, quantity: number(c.quantity, { maximumFractionDigits: 2 }), total: quantity(whole, unit), rest: quantity(whole - c.quantity, unit) })
      : t('planLine', params);
  };
  const decide = (flow: string, d: Decision) => {
    setSaved(null);
    setDecisions((all) => ({ ...all, [flow]: d }));
  };

  if (shop.error) {
    return (
      <section>
        <ErrorNote error={shop.error} />
        <Link to="/planner">{t('pickAnother')}</Link>
      </section>
    );
  }
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : percent(v));
  return (
    <article className={printDetails ? 'planner' : 'planner print-summary'}>
      <div className="page-head">
        <h1>{t('titleFor', { name })}</h1>
        {shop.data && <SolidarityBadge solidarity={shop.data.solidarity} />}
      </div>
      <p className="print-only small">{t('printedOn', { date: date(new Date()) })}</p>
      <p className="no-print">
        <Link to={`/enterprise/${encodeURIComponent(id)}`}>{t('openEnterprise')}</Link>
        {' · '}
        <Link to="/planner">{t('pickAnother')}</Link>
      </p>
      <ErrorNote error={chain.error} />
      {chain.data && (
        <dl className="stat-grid">
          <div className="stat">
            <dt>{t('directShare')}</dt>
            <dd data-testid="shop-direct">{pct(chain.data.directShare)}</dd>
          </div>
          <div className="stat">
            <dt>{t('chainShareTiers', { tiers: chain.data.settings.tiers })}</dt>
            <dd data-testid="shop-chain">{pct(chain.data.chainShare)}</dd>
          </div>
          <div className="stat">
            <dt>{t('suppliers')}</dt>
            {/* Every recorded supplier: the engine's list holds only those with valued flows (a trader whose flows carry no value showed 0). */}
            <dd data-testid="shop-suppliers">{number(relations.data ? new Set(relations.data.suppliers.map((s) => s.enterprise.id)).size : chain.data.suppliers.length)}</dd>
          </div>
          <div className="stat">
            <dt>{t('nonSolidarityLinks')}</dt>
            <dd>{analysis.data ? number(links.length) : '…'}</dd>
          </div>
        </dl>
      )}
      {relations.data && relations.data.suppliers.length > 0 && (
        <details open className="print-detail">
          <summary>{t('inputsTable')}</summary>
          <table className="table compact">
            <caption className="sr-only">{t('inputsTable')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('input')}</th>
                <th scope="col">{t('supplier')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" className="num">{t('inputQuantity')}</th>
                <th scope="col" className="num">{t('valuePerPeriod')}</th>
              </tr>
            </thead>
            <tbody>
              {[...relations.data.suppliers]
                .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
                .map((s, i) => (
                  <tr key={s.flowId ?? i}>
                    <td>{s.product.names[lang] ?? s.product.name}</td>
                    <td>{s.enterprise.name}</td>
                    <td><SolidarityBadge solidarity={s.enterprise.solidarity} /></td>
                    <td className="num">{s.quantity === null ? '—' : quantity(s.quantity, s.product.unit)}</td>
                    <td className="num">{money(s.value)}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      )}

      <div className="print-detail">
        <h2>{t('linksTitle')}</h2>
        <p className="muted small">{t('linksLead')}</p>
        {analysis.running && <JobProgress progress={analysis.progress} onCancel={analysis.cancel} label={t('analysing')} />}
        <ErrorNote error={analysis.error} />
        {analysis.data && links.length === 0 && <p data-testid="no-links">{t('noLinks')}</p>}
        {links.map((l, i) => (
          <LinkCard key={l.flow} link={l} rank={i + 1} labels={labels} decision={decisions[l.flow] ?? keep} onDecide={(d) => decide(l.flow, d)} />
        ))}
      </div>

      <Outcome shop={id} changes={changes} job={outcome} />
      {analysis.data && <BuyersPanel seller={id} sales={analysis.data.result.sales} />}
      <PayablePanel shop={id} name={name} />

      {changes.length > 0 && (
        <section className="net-panel" aria-labelledby="plan-h">
          <h2 id="plan-h">{t('planTitle', { count: changes.length })}</h2>
          <ul className="plain-list">
            {changes.map((c) => (
              <li key={c.line}>
                {planLine(c)}
              </li>
            ))}
          </ul>
          <div className="save-row no-print">
            <label>
              {t('scenarioName')}
              <input value={scenarioName} onChange={(e) => setScenarioName(e.target.value)} placeholder={t('defaultScenario', { name })} maxLength={200} />
            </label>
            <button type="button" onClick={() => void save()}>{t('saveScenario')}</button>
            <button type="button" onClick={() => void exportCsv()}>{t('exportCsv')}</button>
            <button type="button" onClick={() => void exportXlsx()}>{t('exportXlsx')}</button>
            <button type="button" onClick={() => window.print()}>{t('print')}</button>
            <label className="check">
              <input type="checkbox" checked={printDetails} onChange={(e) => setPrintDetails(e.target.checked)} /> {t('printDetails')}
            </label>
          </div>
          {saved && <p role="status">{t('savedAs', { name: saved })}</p>}
          <ErrorNote error={saveError} />
        </section>
      )}

      <section aria-labelledby="chain-h" className="print-break print-detail">
        <h2 id="chain-h">{t('chainTitle')}</h2>
        <ChainFlows buyer={id} changes={changes} titleBefore={t('flowsBefore', { name })} titleAfter={t('flowsAfter', { name })} />
      </section>
      <div className="no-print">
        <GraphPanel network={null} focus={id} onFocus={(f) => navigate(f ? `/network?view=graph&focus=${encodeURIComponent(f)}` : '/network?view=graph')} proposed={proposed} />
      </div>
    </article>
  );
}
