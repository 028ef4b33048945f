import { ArrayIsArray, NumberIsInteger } from '../primordials/primordials';

/**
 * Interception rules (#13): which messages of which sockets the recorder changes in flight, and
 * how. One rule, one action; the first enabled rule that matches a message decides it. The panel
 * writes them, the page applies them: plain data, checked by hand (`isInterceptRules`), so the
 * MAIN-world bundle stays free of the validator. What a rule's patterns mean, and why one is
 * invalid, is src/intercept/compile-rule.ts.
 */
export interface InterceptRule {
  /** Unique in its list; names the rule in the log. */
  id: string;
  enabled: boolean;
  /** The socket's URL, whole: a glob (`*` any characters) or a regular expression. */
  url: { kind: 'glob' | 'regex'; pattern: string };
  direction: 'sent' | 'received' | 'both';
  condition: RuleCondition;
  action: RuleAction;
}

/** Which text messages a rule takes; binary messages match only 'any'. */
export type RuleCondition =
  | { kind: 'any' }
  | { kind: 'contains'; text: string }
  | { kind: 'regex'; pattern: string; flags: string }
  /** The JSON value at `path` equals `value` (JSON text), or, with `value` empty, exists. */
  | { kind: 'json'; path: string; value: string };

export type RuleAction =
  | { kind: 'block' }
  | { kind: 'delay'; ms: number }
  /** A breakpoint: the message waits for the panel's Forward, Edit or Drop. */
  | { kind: 'pause' }
  | { kind: 'replace'; find: string; replace: string }
  /** Every match replaced; `$&`, `$1`-`$99` and `$$` expand as in String.prototype.replace. */
  | { kind: 'regex-replace'; pattern: string; flags: string; replace: string }
  /** A JSON merge patch (RFC 7396), JSON text, applied to a JSON message. */
  | { kind: 'merge-patch'; patch: string };

export const MAX_RULES = 100;
/** Any one text of a rule: a pattern, a replacement, a patch. */
export const MAX_RULE_TEXT = 10_000;
/** The longest delay a rule may ask for: longer is a breakpoint's job. */
export const MAX_DELAY_MS = 60_000;

const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= MAX_RULE_TEXT;

function isCondition(c: unknown): c is RuleCondition {
  if (typeof c !== 'object' || c === null) return false;
  const r = c as Record<string, unknown>;
  switch (r.kind) {
    case 'any':
      return true;
    case 'contains':
      return isText(r.text);
    case 'regex':
      return isText(r.pattern) && isText(r.flags);
    case 'json':
      return isText(r.path) && isText(r.value);
    default:
      return false;
  }
}

function isAction(a: unknown): a is RuleAction {
  if (typeof a !== 'object' || a === null) return false;
  const r = a as Record<string, unknown>;
  switch (r.kind) {
    case 'block':
    case 'pause':
      return true;
    case 'delay':
      return NumberIsInteger(r.ms) && (r.ms as number) >= 0 && (r.ms as number) <= MAX_DELAY_MS;
    case 'replace':
      return isText(r.find) && isText(r.replace);
    case 'regex-replace':
      return isText(r.pattern) && isText(r.flags) && isText(r.replace);
    case 'merge-patch':
      return isText(r.patch);
    default:
      return false;
  }
}

/** Form only: a rule of the right shape may still hold an invalid pattern (compileRule says). */
export function isInterceptRule(x: unknown): x is InterceptRule {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Partial<Record<keyof InterceptRule, unknown>>;
  const url = r.url as Record<string, unknown> | null | undefined;
  return (
    isText(r.id) &&
    typeof r.enabled === 'boolean' &&
    typeof url === 'object' &&
    url !== null &&
    (url.kind === 'glob' || url.kind === 'regex') &&
    isText(url.pattern) &&
    (r.direction === 'sent' || r.direction === 'received' || r.direction === 'both') &&
    isCondition(r.condition) &&
    isAction(r.action)
  );
}

export function isInterceptRules(x: unknown): x is InterceptRule[] {
  if (!ArrayIsArray(x) || x.length > MAX_RULES) return false;
  for (let i = 0; i < x.length; i++) if (!isInterceptRule(x[i])) return false;
  return true;
}
