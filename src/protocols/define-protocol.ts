import { cloneState } from './shared/clone-state';
import type {
  Decoded,
  HeartbeatPolicy,
  MessagePreview,
  Protocol,
  ProtocolCloseCode,
  ProtocolSession,
  SocketFacts,
} from './types';

/** One protocol's module: the session type S stays inside it. */
export interface ProtocolSpec<S> {
  id: Protocol['id'];
  name: string;
  shortName?: string;
  subprotocols: readonly string[];
  matchesUrl(url: URL): boolean;
  /** The URL counts only until the page's first message, which must then match the content. */
  urlNeedsHandshake?: boolean;
  /** Called only with a captured preview, capped like decode's. */
  matchesContent(message: MessagePreview & { preview: string }): boolean;
  createSession(socket: SocketFacts): S;
  /** Decodes one message and updates the session; must not throw on any input. */
  decode(message: MessagePreview & { preview: string }, session: S): Decoded;
  heartbeat(session: S): HeartbeatPolicy | null;
  closeCode(code: number, reason: string): ProtocolCloseCode | null;
}

/** Longer previews (imports, direct callers) are decoded from their start only, marked partial. */
export const MAX_INPUT_CHARS = 65_536;

type Captured = MessagePreview & { preview: string };

export function defineProtocol<S>(spec: ProtocolSpec<S>): Protocol {
  return {
    id: spec.id,
    name: spec.name,
    shortName: spec.shortName ?? spec.name,
    subprotocols: spec.subprotocols,
    matchesUrl: (url) => guard(() => spec.matchesUrl(url), false),
    urlNeedsHandshake: spec.urlNeedsHandshake === true,
    matchesContent: (m) => {
      const c = captured(m);
      return c !== null && guard(() => spec.matchesContent(c), false);
    },
    closeCode: (code, reason) => spec.closeCode(code, reason),
    createSession: (socket) => wrapSession(spec, spec.createSession(socket)),
  };
}

function wrapSession<S>(spec: ProtocolSpec<S>, session: S): ProtocolSession {
  return {
    decode: (m) => {
      const c = captured(m);
      if (c === null) return notCaptured(m);
      return guard(() => spec.decode(c, session), failed(spec.name));
    },
    heartbeat: () => guard(() => spec.heartbeat(session), null),
    fork: () => wrapSession(spec, cloneState(session)),
  };
}

function captured(m: MessagePreview): Captured | null {
  const { preview } = m;
  if (preview === null) return null;
  if (preview.length <= MAX_INPUT_CHARS) return { ...m, preview };
  return { ...m, preview: preview.slice(0, MAX_INPUT_CHARS), truncated: true };
}

function notCaptured(m: MessagePreview): Decoded {
  return {
    type: 'not captured',
    summary: `${m.kind} message of ${m.size} bytes, content not captured`,
    partial: true,
  };
}

function failed(name: string): Decoded {
  return { type: 'error', summary: `${name} decoder failed`, error: 'the decoder failed on this message' };
}

/** Last line of defence: the panel must keep rendering whatever a decoder bug does. */
function guard<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
