import type { CloseExplanation } from '../close-codes/types';
import type { SocketState } from '../protocol/socket-summary';
import type { PreviewBuffer } from './preview-buffer';
import type { MessageRecord, SocketRecord } from './socket-record';

/** The filter bar. Filtering only hides: clearing it shows everything again. */
export interface SocketFilter {
  /** Substring of the URL, any case. */
  url: string;
  state: SocketState | 'all';
  /** Close codes: "1006", "1000-1015", "4000-4999, 1006"; empty for all. */
  codes: string;
  abnormalOnly: boolean;
  /** Full-text search in message previews, any case; sockets without a match are hidden. */
  search: string;
}

export const NO_FILTER: SocketFilter = { url: '', state: 'all', codes: '', abnormalOnly: false, search: '' };

export function isFilterActive(filter: SocketFilter): boolean {
  return (Object.keys(NO_FILTER) as (keyof SocketFilter)[]).some((k) => filter[k] !== NO_FILTER[k]);
}

export type CodeMatcher = (code: number) => boolean;

/** Parses the codes field; an error text for anything that is not codes or ranges. */
export function parseCodes(
  spec: string,
): { ok: true; match: CodeMatcher | null } | { ok: false; error: string } {
  const parts = spec
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return { ok: true, match: null };
  const ranges: [number, number][] = [];
  for (const part of parts) {
    const m = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(part);
    if (!m) return { ok: false, error: `"${part}" is not a code or a range like 4000-4999` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) return { ok: false, error: `"${part}" runs backwards` };
    ranges.push([from, to]);
  }
  return { ok: true, match: (code) => ranges.some(([from, to]) => code >= from && code <= to) };
}

function messageMatches(m: MessageRecord, needle: string): boolean {
  return m.preview !== null && m.preview.toLowerCase().includes(needle);
}

const searched = new WeakMap<PreviewBuffer, { needle: string; scanned: number; ordinals: number[] }>();

/**
 * Which retained previews of the buffer contain the search text (any case), as ordinals over the
 * buffer's life: preview `o` is `buffer.at(o - buffer.dropped)`. Remembered per buffer, so each
 * preview is read once per search text, not on every render of a live stream.
 */
export function matchingOrdinals(buffer: PreviewBuffer, search: string): readonly number[] {
  const needle = search.toLowerCase();
  let hit = searched.get(buffer);
  if (!hit || hit.needle !== needle) searched.set(buffer, (hit = { needle, scanned: 0, ordinals: [] }));
  for (let o = Math.max(hit.scanned, buffer.dropped); o < buffer.pushed; o++) {
    const m = buffer.at(o - buffer.dropped);
    if (m && messageMatches(m, needle)) hit.ordinals.push(o);
  }
  hit.scanned = buffer.pushed;
  let gone = 0;
  while ((hit.ordinals[gone] ?? Infinity) < buffer.dropped) gone++;
  if (gone > 0) hit.ordinals.splice(0, gone);
  return hit.ordinals;
}

export function socketMatches(
  s: SocketRecord,
  x: CloseExplanation | null,
  filter: SocketFilter,
  codes: CodeMatcher | null,
): boolean {
  if (filter.url && !s.url.toLowerCase().includes(filter.url.toLowerCase())) return false;
  if (filter.state !== 'all' && s.state !== filter.state) return false;
  if (codes && (!s.close || !codes(s.close.code))) return false;
  if (filter.abnormalOnly && !x?.abnormal) return false;
  return true;
}
