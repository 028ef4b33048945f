import type { CloseLog, CloseLogMessage, CloseLogSocket } from '../export/close-log-schema';

/**
 * What the server side of one recorded socket did, as steps a stand-in server can take again:
 * plain data, so a generated test can hold it as a literal and a reader can edit it.
 */
export interface ReplaySocket {
  /** The socket's id in the recording, for messages and payload keys. */
  id: string;
  /** As recorded (redacted where the log was); its host and path route the app's socket here. */
  url: string;
  /** The subprotocol the server chose, or null. */
  protocol: string | null;
  /** The connection negotiated permessage-deflate. */
  deflate: boolean;
  steps: ReplayStep[];
  end: ReplayEnd;
  /** What the page saw, for comparing a replayed run with the recording. */
  expect: ReplayExpectation;
}

/**
 * `page`: wait until the page has sent this many messages in all. `send`: after `after` ms, send
 * the payload (`text`, or `hex` for binary); `key` names one the log could not hold in full, which
 * the test's `payloads` may supply; `count` repeats it (previews the log dropped altogether).
 */
export type ReplayStep =
  | { page: number }
  | {
      after: number;
      text?: string;
      hex?: string;
      key?: string;
      count?: number;
      /** Why the payload is not the real one; the generated test prints it at the step. */
      missing?: string;
    };

export type ReplayEnd =
  /** The server sent a close frame (`code` null: one without a status code, seen as 1005). */
  | { close: { code: number | null; reason: string }; after: number }
  /** The TCP connection ended without a close frame: the page saw 1006. */
  | { drop: true; after: number }
  /** The handshake failed: an HTTP status, or (null) the connection ended before any answer. */
  | { refuse: number | null }
  /** The page closed it; the server answers its close frame. */
  | { pageCloses: true }
  /** Still open when the log was exported. */
  | { open: true };

export interface ReplayExpectation {
  sent: number;
  received: number;
  close: { code: number; reason: string; wasClean: boolean } | null;
  /** Directions of the messages the log holds (its last ones), oldest first: "s" or "r" each. */
  order: string;
}

export interface ReplayPlan {
  /** The page the recording was made on (its top document), where a test starts by default. */
  pageUrl: string | null;
  sockets: ReplaySocket[];
  /** The recording was redacted: payloads and URLs may carry "[redacted]" where secrets were. */
  redacted: boolean;
}

/**
 * A payload the server sent, as the log held it: whole, cut (`truncated`), or not at all (a
 * preview is null when the page never had the bytes in hand, as for a Blob).
 */
function sendStep(socket: CloseLogSocket, m: CloseLogMessage, ordinal: number, after: number): ReplayStep {
  const binary = m.kind === 'binary';
  const preview = m.preview ?? '';
  const step: ReplayStep = binary ? { after, hex: preview } : { after, text: preview };
  if (m.preview !== null && !m.truncated) return step;
  const held = binary ? `${preview.length / 2} bytes` : `${preview.length} characters`;
  return {
    ...step,
    key: `${socket.id}#${ordinal}`,
    missing:
      m.preview === null
        ? `not recorded: the server sent ${m.size} bytes the page never read as a whole (${m.jsType})`
        : `truncated: the server sent ${m.size} bytes; the log kept the first ${held}`,
  };
}

/** How the socket ended, as the server can make it end again. */
function endOf(socket: CloseLogSocket, lastT: number): ReplayEnd {
  const close = socket.close;
  if (socket.openedAt === null) {
    if (!close) return { refuse: null };
    return { refuse: socket.handshake?.statusCode ?? null };
  }
  if (!close) return { open: true };
  const after = Math.max(0, (close.at ?? socket.closedAt ?? lastT) - lastT);
  const injected = socket.injection;
  if (injected)
    return injected.action === 'drop' ? { drop: true, after } : { close: wireClose(close), after };
  if (close.initiator === 'page') return { pageCloses: true };
  if (close.initiator === 'server') return { close: wireClose(close), after };
  // The browser failed the connection, or it vanished: either way the page saw no close frame.
  return { drop: true, after };
}

/** 1005 is what a close frame without a status code is reported as; it is never on the wire. */
const wireClose = (c: { code: number; reason: string }) => ({
  code: c.code === 1005 ? null : c.code,
  reason: c.reason,
});

/**
 * The replay of one socket: the server's messages in order, each waiting for the page messages
 * recorded before it and then for the gap recorded since the socket's previous event. Previews
 * the log dropped are the oldest ones (panel and page both keep the newest), so they come first.
 */
export function replaySocket(socket: CloseLogSocket): ReplaySocket {
  const messages = socket.messages ?? [];
  const heldSent = messages.filter((m) => m.dir === 'sent').length;
  const unrecordedSent = socket.sent.messages - heldSent;
  const unrecordedReceived = socket.received.messages - (messages.length - heldSent);
  const steps: ReplayStep[] = [];
  if (unrecordedReceived > 0)
    steps.push({
      after: 0,
      text: '',
      key: `${socket.id}#unrecorded`,
      count: unrecordedReceived,
      missing: `the log holds no preview of the server's first ${unrecordedReceived} messages`,
    });
  let pageSent = Math.max(0, unrecordedSent);
  let waitedFor = 0;
  let lastT = socket.openedAt ?? socket.createdAt;
  messages.forEach((m, i) => {
    if (m.dir === 'sent') pageSent++;
    else {
      if (pageSent > waitedFor) steps.push({ page: (waitedFor = pageSent) });
      steps.push(sendStep(socket, m, Math.max(0, unrecordedReceived) + i, Math.max(0, m.t - lastT)));
    }
    lastT = Math.max(lastT, m.t);
  });
  return {
    id: socket.id,
    url: socket.url,
    protocol: socket.protocol,
    deflate: /permessage-deflate/i.test(socket.extensions ?? ''),
    steps,
    end: endOf(socket, lastT),
    expect: {
      sent: socket.sent.messages,
      received: socket.received.messages,
      close: socket.close && {
        code: socket.close.code,
        reason: socket.close.reason,
        wasClean: socket.close.wasClean,
      },
      order: messages.map((m) => (m.dir === 'sent' ? 's' : 'r')).join(''),
    },
  };
}

/** How long the longest recorded socket's steps and ending take at the recorded pace. */
export function recordedMs(sockets: readonly ReplaySocket[]): number {
  return Math.max(
    0,
    ...sockets.map((s) => [...s.steps, s.end].reduce((t, step) => t + ('after' in step ? step.after : 0), 0)),
  );
}

/** The replay of a close log's sockets, in the order they were created. */
export function replayPlan(log: CloseLog): ReplayPlan {
  const sockets = [...log.sockets].sort((a, b) => a.createdAt - b.createdAt);
  const top = sockets.find((s) => s.frameId === 0 && s.frameUrl) ?? sockets.find((s) => s.frameUrl);
  return {
    pageUrl: top?.frameUrl ?? null,
    sockets: sockets.map(replaySocket),
    redacted: log.redaction?.applied ?? false,
  };
}
