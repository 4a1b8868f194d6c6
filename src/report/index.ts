export { renderReport, reportHtml } from './render-report';
export { reportData, type ReportData, type ReportAmount, type TopEarner } from './report-data';
export type { ReportOptions } from './report-options';
export { incomeBins, lorenzCurve, type IncomeBin, type LorenzPoint } from './income-distribution';
