import type { ConnectionGroup } from '../log/reconnects';
import { formatDuration } from './format';

/** The backoff's shape with its numbers, and the library whose default it looks like. */
export function backoffText(g: ConnectionGroup): string {
  const library = g.libraries[0];
  return library ? `${g.backoff.text}; ${library.text}` : g.backoff.text;
}

export function gapsText(g: ConnectionGroup, max = 6): string {
  if (g.gaps.length === 0) return '';
  const shown = g.gaps.slice(0, max).map(formatDuration).join(', ');
  return g.gaps.length > max ? `${shown}, … (${g.gaps.length} gaps)` : shown;
}

export interface GroupFlag {
  label: string;
  detail: string;
}

/** Flags a tester must not miss, as words (the icons beside them are not the only signal). */
export function groupFlags(g: ConnectionGroup): GroupFlag[] {
  const flags = [];
  if (g.storm) flags.push({ label: 'reconnect storm', detail: g.stormVerdict.text });
  if (g.neverCameBack) flags.push({ label: 'never came back', detail: g.neverCameBackVerdict.text });
  return flags;
}

/** The whole history in one line, for tooltips and the copyable summary. */
export function describeGroup(g: ConnectionGroup): string {
  const parts = [`${g.attempts.length} ${g.attempts.length === 1 ? 'socket' : 'sockets'}`];
  if (g.parallel > 1) parts.push(`up to ${g.parallel} at once`);
  if (g.gaps.length) parts.push(`gaps ${gapsText(g)}`, backoffText(g));
  return [...parts, ...groupFlags(g).map((f) => `${f.label}: ${f.detail}`)].join(' · ');
}
