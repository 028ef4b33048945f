import { NumberIsInteger } from '../primordials/primordials';
import { BRAND, PROTOCOL_VERSION } from './envelope';
import { isTesterMessage } from './inject-command';
import { isInterceptRules } from './intercept-rules';
import type { InterceptRule } from './intercept-rules';

/** What the panel decided for a message a breakpoint holds. */
export type HoldDecision = 'forward' | 'edit' | 'drop';

/**
 * Interception (#13), from the panel to the recorders of a tab. 'intercept-rules': the rules every
 * frame runs from now on (an empty list turns interception off, and releases what is held);
 * 'hold-decision': what becomes of one held message of one document ('edit' carries the text that
 * goes on in its place); 'release-held': every held message goes on as it was, because nobody is
 * left to decide (the panel closed, the service worker stopped). Checked by hand, like the
 * tester's commands. A page can forge these on its own channel; all it can do with them is change
 * its own messages, which it can do anyway.
 */
export type InterceptCommand =
  | { source: typeof BRAND; v: typeof PROTOCOL_VERSION; type: 'intercept-rules'; rules: InterceptRule[] }
  | {
      source: typeof BRAND;
      v: typeof PROTOCOL_VERSION;
      type: 'hold-decision';
      doc: string;
      hold: number;
      decision: HoldDecision;
      /** For 'edit' only; null otherwise. */
      text: string | null;
    }
  | { source: typeof BRAND; v: typeof PROTOCOL_VERSION; type: 'release-held' };

export function isInterceptCommand(m: unknown): m is InterceptCommand {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r.source !== BRAND || r.v !== PROTOCOL_VERSION) return false;
  switch (r.type) {
    case 'intercept-rules':
      return isInterceptRules(r.rules);
    case 'release-held':
      return true;
    case 'hold-decision':
      return (
        typeof r.doc === 'string' &&
        NumberIsInteger(r.hold) &&
        (r.decision === 'edit'
          ? typeof r.text === 'string' && isTesterMessage({ kind: 'text', data: r.text })
          : (r.decision === 'forward' || r.decision === 'drop') && r.text === null)
      );
    default:
      return false;
  }
}

export const interceptRulesCommand = (rules: InterceptRule[]): InterceptCommand => ({
  source: BRAND,
  v: PROTOCOL_VERSION,
  type: 'intercept-rules',
  rules,
});

export const holdDecisionCommand = (
  doc: string,
  hold: number,
  decision: HoldDecision,
  text: string | null,
): InterceptCommand => ({
  source: BRAND,
  v: PROTOCOL_VERSION,
  type: 'hold-decision',
  doc,
  hold,
  decision,
  text: decision === 'edit' ? text : null,
});

export const RELEASE_HELD: InterceptCommand = { source: BRAND, v: PROTOCOL_VERSION, type: 'release-held' };
