// Moved to src/protocol/summary-fold.ts, which the page's history imports too; import from there.
export { applyToSummary, summaryFromCreated } from '../protocol/summary-fold';
