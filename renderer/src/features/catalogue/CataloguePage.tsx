import { useEffect } from 'react';
import { useI18n, useMessages } from '../../i18n/index.tsx';
import { useRoute } from '../../app/router.tsx';
import { useQuery } from '../../api/hooks.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useJob } from '../network/useJob.ts';
import { catalogueMessages } from './messages.ts';
import { CatalogueMap } from './CatalogueMap.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import type { PrintEntry } from '../../../../shared/contract/share.ts';

/**
 * The forum's printed catalogue ("yellow pages"): a cover with the network's figures, the
 * enterprises by activity and town, an index of products and a map. The browser's own print
 * engine makes the PDF (Ctrl+P here; `teia export FILE.pdf --format catalogue` drives it
 * headless). `data-print-ready` tells a headless printer that everything has arrived.
 */
export default function CataloguePage() {
  const t = useMessages(catalogueMessages);
  const { lang, percent, date, number } = useI18n();
  const { query, navigate } = useRoute();
  const networks = useQuery('network-list', {});
  const network = query.get('network') || null;
  const paper = query.get('paper') === 'letter' ? 'letter' : 'a4';
  const data = useQuery('catalogue-print', { network, lang });
  const info = useQuery('app-info', {});
  const job = useJob('engine-analyse');
  const { run } = job;
  useEffect(() => {
    void run({ network, plan: false, limits: { links: 0, substitutes: 0, explain: 0 } });
  }, [network, run]);
  const leakage = job.data?.result.leakage;
  const analysed = !job.running && (job.data !== undefined || job.error !== null);
  const ready = data.data !== undefined && analysed;

  // The page size is the print's, not the screen's: one @page rule for the chosen paper.
  useEffect(() => {
    const style = document.createElement('style');
    style.textContent = `@page { size: ${paper === 'letter' ? 'letter' : 'A4'}; margin: 14mm 12mm; }`;
    document.head.append(style);
    return () => style.remove();
  }, [paper]);

  const money = (price: number | null, currency: string | null) => {
    if (price === null) return '';
    try {
      return currency ? number(price, { style: 'currency', currency }) : number(price);
    } catch {
      return `${number(price)} ${currency}`; // a local currency code Intl does not know
    }
  };

  const c = data.data;
  return (
    <article className="catalogue" data-print-ready={ready ? 'true' : undefined} lang={lang}>
      <div className="no-print catalogue-tools">
        <p>{t('intro')}</p>
        <div className="actions wrap">
          <label>
            {t('scope')}{' '}
            <select value={network ?? ''} onChange={(e) => navigate(`/print/catalogue?${new URLSearchParams({ paper, ...(e.target.value ? { network: e.target.value } : {}) })}`, { replace: true })}>
              <option value="">{t('whole')}</option>
              {networks.data?.networks.map((n) => (
                <option key={n.id} value={n.id}>{n.name}</option>
              ))}
            </select>
          </label>
          <label>
            {t('paper')}{' '}
            <select value={paper} onChange={(e) => navigate(`/print/catalogue?${new URLSearchParams({ paper: e.target.value, ...(network ? { network } : {}) })}`, { replace: true })}>
              <option value="a4">{t('a4')}</option>
              <option value="letter">{t('letter')}</option>
            </select>
          </label>
          <button type="button" disabled={!ready} onClick={() => window.print()}>{t('print')}</button>
        </div>
      </div>
      <ErrorNote error={data.error} />
      {!c && !data.error && <p className="muted">{t('loading')}</p>}
      {c && c.members === 0 && <p>{t('empty')}</p>}
      {c && c.members > 0 && (
        <>
          <section className="catalogue-cover">
            <p className="catalogue-kicker">{t('heading')}</p>
            <h1>{c.title}</h1>
            <dl className="catalogue-figures">
              <div><dt>{t('members')}</dt><dd data-testid="cat-members">{number(c.members)}</dd></div>
              <div><dt>{t('solidarity')}</dt><dd>{number(c.solidarityMembers)}</dd></div>
              <div><dt>{t('share')}</dt><dd data-testid="cat-share">{leakage?.share == null ? t('noFlows') : percent(1 - leakage.share)}</dd></div>
              <div><dt>{t('leakage')}</dt><dd>{leakage?.share == null ? t('noFlows') : percent(leakage.share)}</dd></div>
            </dl>
            <h2>{t('contents')}</h2>
            <ol className="catalogue-contents">
              {c.groups.map((g) => (
                <li key={g.activity ?? ''}>{g.activity ?? t('noActivity')} ({number(g.towns.reduce((n, x) => n + x.entries.length, 0))})</li>
              ))}
              <li>{t('productIndex')}</li>
              <li>{t('map')}</li>
            </ol>
            {/* Shared at a forum (teia serve --host): the read-only link and its QR code, for phones. */}
            <SharePanel />
            <p className="muted">{t('generated', { date: date(new Date()) })}</p>
            {info.data?.sample && <p className="muted">{t('illustrative')}</p>}
          </section>
          {c.groups.map((g) => (
            <section key={g.activity ?? ''} className="catalogue-group">
              <h2>{g.activity ?? t('noActivity')}</h2>
              <div className="catalogue-towns">
              {g.towns.map((town) => (
                <div key={town.town ?? ''} className="catalogue-town">
                  <h3>{town.town ?? t('noTown')}</h3>
                  <div className="catalogue-entries">
                    {town.entries.map((e) => (
                      <Entry key={e.id} e={e} t={t} money={money} />
                    ))}
                  </div>
                </div>
              ))}
              </div>
            </section>
          ))}
          <section className="catalogue-group catalogue-index-page">
            <h2>{t('productIndex')}</h2>
            <dl className="catalogue-index">
              {c.products.map((p) => (
                <div key={p.product}>
                  <dt>{p.product}</dt>
                  <dd>{p.enterprises.map((x) => x.name).join(' · ')}</dd>
                </div>
              ))}
            </dl>
          </section>
          <section className="catalogue-group catalogue-map-page">
            <h2>{t('map')}</h2>
            {c.points.length ? <CatalogueMap points={c.points} label={t('map')} /> : <p>{t('mapNone')}</p>}
          </section>
        </>
      )}
    </article>
  );
}

function Entry({ e, t, money }: { e: PrintEntry; t: (k: 'offers' | 'accepts' | 'notSolidarity') => string; money: (p: number | null, c: string | null) => string }) {
  return (
    <div className="catalogue-entry">
      <h4>
        {e.name}
        {e.nickname && <span className="muted"> ({e.nickname})</span>}
      </h4>
      {!e.solidarity && <p className="catalogue-note">{t('notSolidarity')}</p>}
      {e.description && <p>{e.description}</p>}
      {e.offers.length > 0 && (
        <p>
          <strong>{t('offers')}:</strong> {e.offers.map((o) => [o.product, money(o.price, o.currency)].filter(Boolean).join(' ')).join(', ')}
        </p>
      )}
      {e.currencies.length > 0 && (
        <p>
          <strong>{t('accepts')}:</strong> {e.currencies.join(', ')}
        </p>
      )}
      <p className="catalogue-contact">{[e.address, e.phone, e.email, e.website].filter(Boolean).join(' · ')}</p>
    </div>
  );
}

