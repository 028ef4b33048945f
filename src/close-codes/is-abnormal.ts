import { severityOf } from './describe-code';

/**
 * Rows that must stand out (and what the badge counts): any unclean close, and clean closes
 * whose code reports a failure (a clean 1011 is a server error reported politely; a forbidden
 * 1006 that Firefox passed through clean is still a fault). Never a close the tester injected:
 * a fault the tester asked for is not a fault of the app.
 */
export function isAbnormal(close: { code: number; wasClean: boolean; injected: boolean }): boolean {
  return !close.injected && (!close.wasClean || severityOf(close.code) === 'error');
}
