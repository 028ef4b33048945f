import {
  ErrorCtor,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ReflectApply,
  RegExpPrototypeExec,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
} from '../primordials/primordials';

/**
 * How stack frames name the extension script running this code, read from a stack trace at
 * document_start (before any page script could change Error): its URL in Chromium; in Firefox,
 * which names MAIN-world content scripts "<anonymous code>" (page code never gets that name:
 * eval and Function frames say "line N > eval"). Null when the code runs without one (injected
 * by a test harness), where there are no frames of ours worth hiding.
 */
export function ownScriptUrl(): string | null {
  // eslint-disable-next-line page-world/no-unsafe-builtins -- called at document_start, before any page script
  const stack = new ErrorCtor().stack;
  // The second line: the frame of this function's caller, in our script.
  const first = stack === undefined ? -1 : StringPrototypeIndexOf(stack, '\n', 0);
  const second = first < 0 || stack === undefined ? -1 : StringPrototypeIndexOf(stack, '\n', first + 1);
  const frame =
    stack === undefined || first < 0
      ? ''
      : StringPrototypeSlice(stack, first + 1, second < 0 ? stack.length : second);
  return RegExpPrototypeExec(OWN_FRAME, frame)?.[1] ?? null;
}

const OWN_FRAME = /((?:chrome|moz)-extension:\/\/[^\s()@]+?|<anonymous code>):\d+:\d+\)?\s*$/;

/**
 * Drops the lines naming `script` from an exception's stack, in place. An exception thrown by the
 * native through one of our wrappers would otherwise show the wrapper's frame
 * (`at Object.apply (chrome-extension://…)`) to the page and to its error reporting, where the
 * native API shows none. The `stack` property keeps its kind and attributes.
 */
export function hideOwnFrames(e: unknown, script: string): void {
  if ((typeof e !== 'object' && typeof e !== 'function') || e === null) return;
  try {
    // V8 keeps `stack` on the exception itself; Firefox has an accessor on a prototype.
    let desc: PropertyDescriptor | undefined;
    for (let o: object | null = e; o && !desc; o = ObjectGetPrototypeOf(o) as object | null)
      desc = ObjectGetOwnPropertyDescriptor(o, 'stack');
    if (!desc) return;
    const stack: unknown = desc.get ? ReflectApply(desc.get, e, []) : desc.value;
    if (typeof stack !== 'string' || StringPrototypeIndexOf(stack, script, 0) < 0) return;
    let kept = '';
    for (let start = 0; start <= stack.length;) {
      const nl = StringPrototypeIndexOf(stack, '\n', start);
      const end = nl < 0 ? stack.length : nl;
      const line = StringPrototypeSlice(stack, start, end);
      if (StringPrototypeIndexOf(line, script, 0) < 0) kept = kept === '' ? line : `${kept}\n${line}`;
      start = end + 1;
    }
    if (desc.set) ReflectApply(desc.set, e, [kept]);
    else if ('value' in desc) ObjectDefineProperty(e, 'stack', { ...desc, value: kept });
  } catch {
    // A frozen or exotic exception keeps its stack as it is.
  }
}
