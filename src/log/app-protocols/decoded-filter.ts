import type { Decoded } from '../../protocols';
import type { PreviewLog } from '../preview-log';
import { OrdinalScans } from '../ordinal-scan';
import type { SocketDecoding } from './socket-decoding';

/** Whether a decoded message's type or event name (or one of its parts') contains the needle. */
export function decodedMatches(d: Decoded, needle: string): boolean {
  if (d.type.toLowerCase().includes(needle)) return true;
  if (d.event?.toLowerCase().includes(needle)) return true;
  return d.parts?.some((p) => decodedMatches(p, needle)) ?? false;
}

const found = new OrdinalScans();

/**
 * Which previews of `log` decoded to a type or event name containing `filter` (any case), as
 * lifetime ordinals; each decoded row is tested once per filter text.
 */
export function matchingDecoded(
  decoding: SocketDecoding,
  log: PreviewLog,
  filter: string,
): readonly number[] {
  const needle = filter.toLowerCase();
  return found.find(decoding, needle, log, decoding.decodedUpTo, (o) => {
    const d = decoding.row(o);
    return d !== undefined && decodedMatches(d, needle);
  });
}

/** The ordinals in both sorted lists. */
export function intersectSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let j = 0;
  for (const x of a) {
    while ((b[j] ?? Infinity) < x) j++;
    if (b[j] === x) out.push(x);
  }
  return out;
}
