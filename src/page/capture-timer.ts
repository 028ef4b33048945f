/* eslint-disable page-world/no-unsafe-builtins -- this module is where the timer is captured */
import { ReflectApply, uncurryThis } from '../primordials/primordials';

type Timer = (fn: () => void, ms: number) => void;

/**
 * The scope's `setTimeout`, captured now. Measured in Chromium 156: a worker that a debugger
 * holds before its script runs (deep capture) already has its interfaces (AbortSignal,
 * EventTarget...) but not yet its global functions (setTimeout, queueMicrotask are undefined)
 * when the recorder is installed. There a timer is made of `AbortSignal.timeout`, whose `abort`
 * event fires after the delay on a signal that the worker's own code never sees.
 */
export function captureTimer(win: Window & typeof globalThis): Timer {
  const setTimeoutFn = win.setTimeout as typeof setTimeout | undefined;
  if (setTimeoutFn) return (fn, ms) => void ReflectApply(setTimeoutFn, win, [fn, ms]);
  const timeout = win.AbortSignal.timeout;
  const AbortSignalCtor = win.AbortSignal;
  const addEventListener = uncurryThis(win.EventTarget.prototype.addEventListener);
  // `capture` as a boolean: an options object would have its members looked up through
  // Object.prototype, where the worker's code may have put getters by then. A signal aborts once.
  return (fn, ms) => addEventListener(ReflectApply(timeout, AbortSignalCtor, [ms]), 'abort', fn, false);
}
