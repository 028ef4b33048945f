import type { ConnectionGroup } from '../log/reconnects';
import { NEVER_CAME_BACK_DEFINITION } from '../log/reconnect/never-came-back';
import { STORM_DEFINITION } from '../log/reconnect/storm';
import { formatDuration } from './format';

/** The backoff's shape with its numbers. */
export function backoffText(g: ConnectionGroup): string {
  return g.backoff.text;
}

/** "looks like socket.io-client's default: …", and the other libraries that fit too. */
export function libraryText(g: ConnectionGroup): { text: string; alsoFits: string[] } | null {
  const [first, ...others] = g.libraries;
  if (!first) return null;
  return { text: first.text, alsoFits: others.map((o) => o.strategy.name) };
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
  if (g.storm)
    flags.push({ label: 'reconnect storm', detail: `${g.stormVerdict.text}. Defined: ${STORM_DEFINITION}.` });
  if (g.neverCameBack)
    flags.push({
      label: 'never came back',
      detail: `${g.neverCameBackVerdict.text}. Defined: ${NEVER_CAME_BACK_DEFINITION}.`,
    });
  return flags;
}

/** The whole history in one line, for tooltips and the copyable summary. */
export function describeGroup(g: ConnectionGroup): string {
  const parts = [`${g.attempts.length} ${g.attempts.length === 1 ? 'socket' : 'sockets'}`];
  if (g.parallel > 1) parts.push(`up to ${g.parallel} at once`);
  const library = libraryText(g);
  if (g.gaps.length) parts.push(`gaps ${gapsText(g)}`, backoffText(g), ...(library ? [library.text] : []));
  return [...parts, ...groupFlags(g).map((f) => `${f.label}: ${f.detail}`)].join(' · ');
}
