import {
  ArrayIsArray,
  JSONParse,
  NumberIsInteger,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
} from '../primordials/primordials';

/** One step of a JSON path: a member name, or an array index. */
export type PathStep = string | number;

const DOT = 46;
const OPEN = 91;
const QUOTE = 34;

/**
 * Parses a JSON path of the simple kind a rule needs: an optional `$`, then `.name`, `[0]` or
 * `["any name"]` steps (`type`, `$.data.user.id`, `items[0]`). Returns the steps, or why the path
 * is not one.
 */
export function parseJsonPath(path: string): { steps: PathStep[] } | { error: string } {
  const steps: PathStep[] = [];
  let i = path.length > 0 && StringPrototypeCharCodeAt(path, 0) === 36 ? 1 : 0;
  // A path may start with a bare name: `type` is `$.type`.
  if (i === 0 && path.length > 0 && !isStepStart(StringPrototypeCharCodeAt(path, 0))) {
    const end = nameEnd(path, 0);
    steps[steps.length] = StringPrototypeSlice(path, 0, end);
    i = end;
  }
  while (i < path.length) {
    const c = StringPrototypeCharCodeAt(path, i);
    if (c === DOT) {
      const end = nameEnd(path, i + 1);
      if (end === i + 1) return { error: `A name must follow the "." at ${i + 1}.` };
      steps[steps.length] = StringPrototypeSlice(path, i + 1, end);
      i = end;
    } else if (c === OPEN) {
      const close = StringPrototypeIndexOf(path, ']', i);
      if (close < 0) return { error: `The "[" at ${i + 1} is never closed.` };
      const inside = StringPrototypeSlice(path, i + 1, close);
      const step = bracketStep(inside);
      if (step === null)
        return { error: `"[${inside}]" is neither an index ([0]) nor a quoted name (["name"]).` };
      steps[steps.length] = step;
      i = close + 1;
    } else {
      return { error: `Expected "." or "[" at ${i + 1}.` };
    }
  }
  if (steps.length === 0) return { error: 'The path names no member: write e.g. "type" or "$.data.id".' };
  return { steps };
}

function isStepStart(c: number): boolean {
  return c === DOT || c === OPEN;
}

function nameEnd(path: string, from: number): number {
  let i = from;
  while (i < path.length && !isStepStart(StringPrototypeCharCodeAt(path, i))) i++;
  return i;
}

function bracketStep(inside: string): PathStep | null {
  if (inside.length >= 2 && StringPrototypeCharCodeAt(inside, 0) === QUOTE) {
    try {
      const name: unknown = JSONParse(inside);
      return typeof name === 'string' ? name : null;
    } catch {
      return null;
    }
  }
  for (let i = 0; i < inside.length; i++) {
    const c = StringPrototypeCharCodeAt(inside, i);
    if (c < 48 || c > 57) return null;
  }
  if (inside.length === 0 || inside.length > 9) return null;
  const n = +inside;
  return NumberIsInteger(n) ? n : null;
}

/** The value at `steps` in `json`, own members only; `found` false where the path leads nowhere. */
export function valueAt(json: unknown, steps: readonly PathStep[]): { found: boolean; value: unknown } {
  let at: unknown = json;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (typeof at !== 'object' || at === null) return { found: false, value: undefined };
    if (typeof step === 'number') {
      if (!ArrayIsArray(at) || step >= at.length) return { found: false, value: undefined };
      at = at[step];
    } else {
      if (step === undefined || ArrayIsArray(at) || !ObjectPrototypeHasOwnProperty(at, step))
        return { found: false, value: undefined };
      at = (at as Record<string, unknown>)[step];
    }
  }
  return { found: true, value: at };
}
