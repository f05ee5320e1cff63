import { defineMessages, useMessages } from '../../i18n/index.tsx';
import { useQuery } from '../../api/hooks.ts';

const messages = defineMessages('share.sharePanel', {
  title: [],
  intro: [],
  qr: [],
});

/**
 * The read-only link of a catalogue shared at a forum (`teia serve --host`) and its QR code.
 * The core sends the code as cells; they are drawn here as one SVG path, so no markup from
 * the network is ever put into the page.
 */
export function SharePanel() {
  const t = useMessages(messages);
  const share = useQuery('share-info', {});
  const info = share.data;
  if (!info?.readLink || !info.qr || !/^https?:\/\//.test(info.readLink)) return null;
  const { size, cells } = info.qr;
  let d = '';
  for (let i = 0; i < cells.length; i++) if (cells[i] === '1') d += `M${i % size} ${Math.floor(i / size)}h1v1h-1z`;
  const quiet = 4;
  return (
    <section aria-labelledby="share-title" data-testid="share-panel">
      <h2 id="share-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <p><a href={info.readLink}>{info.readLink}</a></p>
      <svg className="share-qr" role="img" aria-label={t('qr')} viewBox={`${-quiet} ${-quiet} ${size + 2 * quiet} ${size + 2 * quiet}`} width="240" height="240" shapeRendering="crispEdges">
        <rect x={-quiet} y={-quiet} width={size + 2 * quiet} height={size + 2 * quiet} fill="#fff" />
        <path d={d} fill="#000" />
      </svg>
    </section>
  );
}
