/**
 * The import & export feature. Its screen is routed lazily (app/routes.tsx → ImportPage.tsx);
 * other screens may reuse the report and the export buttons.
 */
export { ImportReport, RejectedTable } from './ImportReport.tsx';
export { ExportPanel } from './ExportPanel.tsx';
