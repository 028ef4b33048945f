import { describeCode } from './describe-code';

/**
 * Rows that must stand out: any unclean close, and clean closes whose code reports a failure
 * (a clean 1011 is a server error reported politely; a forbidden 1006 that Firefox passed
 * through clean is still a fault).
 */
export function isAbnormal(code: number, wasClean: boolean): boolean {
  return !wasClean || describeCode(code).severity === 'error';
}
