import type { RefObject } from 'react';
import { useMessages } from '../../i18n/index.tsx';
import { chartMessages } from './messages.ts';
import { downloadBlob, downloadText, fileSlug, serializeSvg, svgToPng } from './download.ts';

/** "Save as PNG / SVG" for any chart drawn as an <svg> (React escapes its texts). */
export function SaveImageButtons({ svg, title }: { svg: RefObject<SVGSVGElement | null>; title: string }) {
  const t = useMessages(chartMessages);
  const save = async (kind: 'png' | 'svg') => {
    if (!svg.current) return;
    const text = serializeSvg(svg.current);
    if (kind === 'svg') downloadText(`${fileSlug(title)}.svg`, text, 'image/svg+xml');
    else downloadBlob(`${fileSlug(title)}.png`, await svgToPng(text));
  };
  return (
    <span className="chart-actions no-print">
      <button type="button" onClick={() => void save('png')}>{t('savePng')}</button>
      <button type="button" onClick={() => void save('svg')}>{t('saveSvg')}</button>
    </span>
  );
}
