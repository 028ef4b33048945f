import { WORKER_BINDING, WORKER_RECEIVER } from '../protocol/envelope';
import { ObjectDefineProperty, ReflectDeleteProperty, SymbolFor } from '../primordials/primordials';
import { captureNatives } from './natives';
import { ownScriptUrl } from './own-frames';
import { PageChannel } from './page-channel';
import { PageHistory } from './page-history';
import { bindingTransport, documentTransport } from './page-transport';
import type { PageTransport } from './page-transport';
import { patchWebSocket } from './recorder';

const INSTALLED = SymbolFor('websocket-close-inspector.recorder');

type Scope = Window & typeof globalThis;

/** Marks the scope as recorded; false when it already was (extension plus init script). */
function claim(scope: Scope): boolean {
  const flag = scope as unknown as Record<symbol, boolean>;
  if (flag[INSTALLED]) return false;
  ObjectDefineProperty(scope, INSTALLED, { value: true });
  return true;
}

function install(scope: Scope, transport: (natives: ReturnType<typeof captureNatives>) => PageTransport) {
  const natives = captureNatives(scope);
  const history = new PageHistory(natives.randomId(), natives);
  const channel = new PageChannel(history, natives, transport(natives));
  channel.recorder = patchWebSocket(scope, natives, history, channel, ownScriptUrl());
  return { natives, channel };
}

/**
 * Installs the recorder in this window: the one entry shared by the extension's MAIN-world
 * content script and by test suites that inject the bundle with `page.addInitScript`.
 * Installing twice (extension plus init script) records once.
 */
export function startRecorder(win: Scope): void {
  if (!claim(win)) return;
  const { natives, channel } = install(win, documentTransport);
  // Events still queued when the document goes away would otherwise be lost with it.
  natives.addListener(
    win,
    'pagehide',
    () => {
      try {
        channel.flushNow();
      } catch {
        // Nothing may reach the page's error handlers.
      }
    },
    false,
  );
}

/**
 * Installs the recorder in a worker that a debugger session holds before its script runs (deep
 * capture): the session added the binding, which is taken and deleted from the global here, so
 * the worker's own code never sees it. A second session (another tab's) evaluates this again: the
 * binding it added is deleted too, and the recorder already installed serves both, since V8 tells
 * every session that added a binding of each call.
 */
export function startWorkerRecorder(scope: Scope): void {
  // Read before the worker's own script runs: nothing of the page's can stand behind it yet.
  const binding = (scope as unknown as Record<string, unknown>)[WORKER_BINDING];
  ReflectDeleteProperty(scope, WORKER_BINDING);
  if (!isBinding(binding) || !claim(scope)) return;
  const transport = bindingTransport(binding);
  install(scope, () => transport);
  ObjectDefineProperty(scope, SymbolFor(WORKER_RECEIVER), {
    value: (data: string) => transport.receive(data),
  });
}

/** What `Runtime.addBinding` installs: a native function of one string argument. */
function isBinding(x: unknown): x is (data: string) => void {
  return typeof x === 'function';
}
