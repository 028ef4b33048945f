import type { InterceptRule } from '../protocol/intercept-rules';
import {
  JSONParse,
  JSONStringify,
  RegExpCtor,
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
} from '../primordials/primordials';
import { globMatches } from './glob';
import { parseJsonPath, valueAt } from './json-path';
import { jsonEqual } from './json-value';
import { mergePatch } from './merge-patch';
import { regexReplaceAll } from './regex-replace';
import { replaceAll } from './replace-text';

/** Why a rule cannot run, said at the part of the rule that is wrong. */
export interface RuleError {
  field: 'url' | 'condition' | 'action';
  message: string;
}

/** What a rule does with a message it takes. */
export type RuleDecision =
  | { kind: 'block' }
  | { kind: 'delay'; ms: number }
  | { kind: 'pause' }
  /** `text` is what goes on in its place: the same text when the rewrite found nothing to change. */
  | { kind: 'rewrite'; text: string };

/** A valid rule, ready to run in the page: its patterns built once. */
export interface CompiledRule {
  readonly rule: InterceptRule;
  /** Whether it applies to a socket of this URL at all: asked once a socket. */
  takesSocket(url: string): boolean;
  /** Whether it takes this message of such a socket: `text` null for a binary message. */
  takesMessage(sent: boolean, text: string | null): boolean;
  /** For a message it takes; a binary message (null) is never rewritten. */
  decide(text: string | null): RuleDecision;
}

/** Flags a rule's regular expression may carry; 'g' and 'y' are the engine's business. */
const FLAGS = 'imsu';

/**
 * Builds a rule, or says what is wrong with it: an invalid regular expression or flag, a JSON
 * path that is none, a value or patch that is not JSON. The panel shows these errors at the rule;
 * the page runs only the rules that compile, so an invalid rule changes nothing.
 */
export function compileRule(rule: InterceptRule): CompiledRule | { errors: RuleError[] } {
  const errors: RuleError[] = [];
  const fail = (field: RuleError['field'], message: string) => {
    errors[errors.length] = { field, message };
  };

  let urlRe: RegExp | null = null;
  if (rule.url.kind === 'regex') {
    const built = regex(rule.url.pattern, '');
    if (typeof built === 'string') fail('url', built);
    else urlRe = built;
  }

  const c = rule.condition;
  let conditionRe: RegExp | null = null;
  let pathSteps: ReturnType<typeof parseJsonPath> | null = null;
  let expected: { value: unknown } | null = null;
  if (c.kind === 'regex') {
    const built = regex(c.pattern, c.flags);
    if (typeof built === 'string') fail('condition', built);
    else conditionRe = built;
  } else if (c.kind === 'json') {
    pathSteps = parseJsonPath(c.path);
    if ('error' in pathSteps) fail('condition', 'JSON path: ' + pathSteps.error);
    if (c.value !== '') {
      const parsed = json(c.value);
      if (parsed === null) fail('condition', 'The value is not JSON (a string needs its quotes: "join").');
      else expected = parsed;
    }
  }

  const a = rule.action;
  let actionRe: RegExp | null = null;
  let patch: { value: unknown } | null = null;
  if (a.kind === 'regex-replace') {
    const built = regex(a.pattern, a.flags + 'g');
    if (typeof built === 'string') fail('action', built);
    else actionRe = built;
  } else if (a.kind === 'merge-patch') {
    patch = json(a.patch);
    if (patch === null) fail('action', 'The merge patch is not JSON.');
  } else if (a.kind === 'replace' && a.find === '') {
    fail('action', 'Say what text to replace.');
  }
  if (errors.length > 0) return { errors };

  const steps = pathSteps !== null && 'steps' in pathSteps ? pathSteps.steps : [];
  return {
    rule,
    takesSocket: (url) =>
      urlRe === null ? globMatches(rule.url.pattern, url) : RegExpPrototypeExec(urlRe, url) !== null,
    takesMessage(sent, text) {
      if (rule.direction !== 'both' && (rule.direction === 'sent') !== sent) return false;
      // Rewrites are of text: a binary message passes them untouched.
      if (text === null)
        return c.kind === 'any' && (a.kind === 'block' || a.kind === 'delay' || a.kind === 'pause');
      if (c.kind === 'any') return true;
      if (c.kind === 'contains') return StringPrototypeIndexOf(text, c.text) >= 0;
      if (conditionRe !== null) return RegExpPrototypeExec(conditionRe, text) !== null;
      const message = json(text);
      if (message === null) return false;
      const at = valueAt(message.value, steps);
      return at.found && (expected === null || jsonEqual(at.value, expected.value));
    },
    decide(text) {
      if (a.kind === 'block' || a.kind === 'pause') return { kind: a.kind };
      if (a.kind === 'delay') return { kind: 'delay', ms: a.ms };
      // takesMessage never takes a binary message for a rewrite.
      if (text === null) return { kind: 'block' };
      if (a.kind === 'replace') return { kind: 'rewrite', text: replaceAll(text, a.find, a.replace) };
      if (a.kind === 'regex-replace' && actionRe !== null)
        return { kind: 'rewrite', text: regexReplaceAll(text, actionRe, a.replace) };
      const message = json(text);
      if (message === null || patch === null) return { kind: 'rewrite', text };
      return { kind: 'rewrite', text: JSONStringify(mergePatch(message.value, patch.value)) ?? text };
    },
  };
}

/** A RegExp of these flags, or why it cannot be one. */
function regex(pattern: string, flags: string): RegExp | string {
  for (let i = 0; i < flags.length; i++) {
    const f = StringPrototypeCharCodeAt(flags, i);
    const known = f === 103 || StringPrototypeIndexOf(FLAGS, flags[i] ?? '') >= 0;
    if (!known || StringPrototypeIndexOf(flags, flags[i] ?? '', i + 1) >= 0)
      return `Invalid flags "${flags}": use each of i, m, s, u at most once.`;
  }
  try {
    return new RegExpCtor(pattern, flags);
  } catch (e) {
    const said = messageOf(e);
    // V8 names the expression itself ("Invalid regular expression: /(/: ..."); SpiderMonkey does not.
    return StringPrototypeIndexOf(said, 'regular expression') >= 0
      ? said
      : 'Invalid regular expression: ' + said;
  }
}

/** The engine's own SyntaxError says what is wrong ("Unterminated group"...). */
function messageOf(e: unknown): string {
  const m = typeof e === 'object' && e !== null ? (e as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m : 'it does not parse.';
}

/** Parsed JSON, boxed (null is a JSON value), or null when `text` is not JSON. */
function json(text: string): { value: unknown } | null {
  try {
    return { value: JSONParse(text) as unknown };
  } catch {
    return null;
  }
}
