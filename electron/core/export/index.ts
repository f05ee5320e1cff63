import { TeiaError } from '../../../shared/contract/errors.ts';
import type { ExportFormat } from '../../../shared/contract/import.ts';
import type { Exporter } from './types.ts';
import { packageExporter } from './package.ts';
import { sseCsvExporter } from './sse-csv.ts';
import { geojsonExporter } from './geojson.ts';
import { gexfExporter } from './gexf.ts';
import { graphmlExporter } from './graphml.ts';
import { valueflowsExporter } from '../share/valueflows/write.ts';

export type { Exporter };

/** Every format `teia export` writes; each exporter lives in its own file. */
export const exporters: Exporter[] = [packageExporter, sseCsvExporter, geojsonExporter, gexfExporter, graphmlExporter, valueflowsExporter];

export function exporterFor(format: ExportFormat): Exporter {
  const exporter = exporters.find((e) => e.format === format);
  if (!exporter) throw new TeiaError('unsupported', `Writing the "${format}" format is not available in this version of Teia.`);
  return exporter;
}

/** The format a file name asks for (`net.gexf` → gexf; `.csv` → sse-csv); null when unclear. */
export function formatFromFileName(fileName: string): ExportFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.geojson')) return 'geojson';
  const ext = lower.slice(lower.lastIndexOf('.') + 1);
  if (ext === 'csv') return 'sse-csv';
  return exporters.find((e) => e.extension === ext)?.format ?? (ext === 'json' ? 'package' : null);
}
