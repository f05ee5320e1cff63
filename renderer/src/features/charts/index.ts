export { SankeyChart } from './SankeyChart.tsx';
export { SaveImageButtons } from './SaveImageButtons.tsx';
export { chainSankey, sankeyShares, type Move, type SankeyData } from './sankey-data.ts';
export { downloadBlob, downloadText, fileSlug, svgToPng, serializeSvg } from './download.ts';
