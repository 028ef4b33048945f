import type { UnsequencedEvent } from '../protocol/recorder-events';
import { MapPrototypeDelete, MapPrototypeSet } from '../primordials/primordials';
import type { FaultInjector } from './fault-injection';
import type { Interceptor } from './interceptor';
import type { Natives } from './natives';
import { capped } from './payload';
import { MAX_EXTENSIONS_CHARS, MAX_PROTOCOL_CHARS } from '../protocol/text-limits';
import type { PageHistory } from './page-history';

/** What the listeners of every socket share. */
export interface Recording {
  natives: Natives;
  history: PageHistory;
  /** Numbers, folds and queues a lifecycle event. */
  emit(e: Exclude<UnsequencedEvent, { type: 'message' }>): void;
  faults: FaultInjector;
  /** Sockets not yet closed, by number: what a fault control can reach. */
  live: Map<number, WebSocket>;
  intercept: Interceptor;
}

/**
 * The recorder's own listeners on one socket, added when it is created, so they run before any
 * of the page's (its capturing close listener even before the page's capturing ones). They record
 * only what the browser reported: an event the page dispatched itself (`isTrusted` false) changes
 * nothing, except the tester's own simulated drop. Each runs inside try/catch: an exception in a
 * listener would reach the page's error handlers.
 */
export function listenTo(ws: WebSocket, socket: number, r: Recording): void {
  const { natives, history, emit, faults } = r;
  const summary = history.summaryOf(socket) ?? null;
  MapPrototypeSet(r.live, socket, ws);

  natives.addListener(
    ws,
    'open',
    (e) => {
      try {
        if (!natives.isTrusted(e)) return;
        emit({
          type: 'open',
          socket,
          t: natives.now(),
          protocol: capped(natives.wsProtocol(ws), MAX_PROTOCOL_CHARS),
          extensions: capped(natives.wsExtensions(ws), MAX_EXTENSIONS_CHARS),
        });
      } catch {
        // A lost observation; the page's own listeners run as always.
      }
    },
    false,
  );
  // The hot path: one call per received message. Capturing, so that interception stops a message
  // before every listener of the page; rules off, `intercept.active` is all it costs.
  const { intercept } = r;
  natives.addListener(
    ws,
    'message',
    (e) => {
      try {
        if (!natives.isTrusted(e)) return;
        if (intercept.active && intercept.receive(ws, e)) return;
        history.message(summary, socket, false, natives.now(), natives.messageData(e));
      } catch {
        // As above.
      }
    },
    true,
  );
  natives.addListener(
    ws,
    'error',
    (e) => {
      try {
        if (natives.isTrusted(e)) emit({ type: 'error', socket, t: natives.now() });
      } catch {
        // As above.
      }
    },
    false,
  );
  // Capturing, so it runs before every listener of the page (capturing ones fire first at the
  // target): a dropped socket's real close event must be stopped before the page sees it.
  natives.addListener(
    ws,
    'close',
    (e) => {
      try {
        const synthetic = faults.isSimulatedDrop(e);
        if (!synthetic && !natives.isTrusted(e)) return;
        if (!synthetic && faults.swallow(ws, e)) return;
        MapPrototypeDelete(r.live, socket);
        emit({
          type: 'closed',
          socket,
          t: natives.now(),
          code: natives.closeCode(e),
          reason: natives.closeReason(e),
          wasClean: natives.closeWasClean(e),
          ...(faults.wasInjected(ws) ? { injected: true as const } : {}),
        });
      } catch {
        // As above.
      }
    },
    true,
  );
}
