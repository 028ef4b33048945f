/**
 * The application-protocol layer: pure functions from a socket's URL, subprotocols and message
 * previews to decoded messages and an application-level account of its close. Plain data in,
 * plain strings and JSON-able values out, so it runs in the panel, in tests and in Node alike.
 */

export type ProtocolId =
  | 'socket-io'
  | 'sockjs'
  | 'stomp'
  | 'mqtt'
  | 'signalr'
  | 'graphql-ws'
  | 'subscriptions-transport-ws'
  | 'phoenix'
  | 'action-cable'
  | 'wamp'
  | 'json-rpc';

/** What the page told us about the socket when it was created and opened. */
export interface SocketFacts {
  url: string;
  /** The subprotocols the page asked for. */
  protocols: readonly string[];
  /** The subprotocol the server selected ('' for none), or null before open. */
  protocol: string | null;
}

/** One message as the recorder previewed it (text: first 1024 chars; binary: hex of the first 256 bytes). */
export interface MessagePreview {
  seq: number;
  t: number;
  dir: 'sent' | 'received';
  kind: 'text' | 'binary';
  /** Exact size on the wire in bytes. */
  size: number;
  /** Text, or lowercase hex for binary; null when not captured (a Blob not read). */
  preview: string | null;
  /** The preview holds only the start of the message. */
  truncated: boolean;
}

/** A JSON-able value for the detail tree: capped in depth, breadth and string length. */
export type TreeValue = null | boolean | number | string | TreeValue[] | { [key: string]: TreeValue };

/** What the application said as it ended the connection, a channel or a session. */
export interface AppGoodbye {
  protocol: ProtocolId;
  /** The protocol's own code (MQTT reason code, SockJS close code, Phoenix status...). */
  code?: number | string;
  /** The text the application sent with it. */
  reason?: string;
  /** The code's name in the protocol's own document, e.g. "Session taken over". */
  name?: string;
  /** One or two sentences: what it means and who sends it. */
  explanation: string;
  /** Whether the client library will reconnect after it; null when the protocol leaves it open. */
  reconnect?: boolean | null;
}

export type Heartbeat = 'ping' | 'pong';

/** One message decoded. Every string is plain text, clipped; nothing is HTML. */
export interface Decoded {
  /** The protocol's message type, e.g. "EVENT", "PUBLISH", "phx_reply". */
  type: string;
  /** One line for the log's decoded column, e.g. "event chat:message", "PUBLISH sensors/1 QoS 1". */
  summary: string;
  tree?: TreeValue;
  /** Event, topic, destination or method name: what a filter by name matches. */
  event?: string;
  heartbeat?: Heartbeat;
  goodbye?: AppGoodbye;
  /** Decoded from a truncated preview: what follows the preview is unknown. */
  partial?: boolean;
  /** Malformed input: what is wrong with it. */
  error?: string;
  /** A message that carries several protocol messages (SignalR records, MQTT packets, SockJS arrays). */
  parts?: readonly Decoded[];
}

/** What the page's watchdog waits for, as negotiated on this socket or by the documented defaults. */
export interface HeartbeatPolicy {
  /** Whose messages keep the connection alive in the eyes of the side that gives up. */
  from: 'server' | 'client';
  /** Only heartbeat messages count (Engine.IO: only a ping resets the client's timer), else any message. */
  beatsOnly: boolean;
  /** The page's pings are each answered by a pong (MQTT PINGREQ, Phoenix heartbeat), not one-way beats. */
  answered: boolean;
  /** How often that side sends, in ms; null when the protocol leaves it to the application. */
  intervalMs: number | null;
  /** Silence after which the watching side gives up, in ms; null when nobody does. */
  timeoutMs: number | null;
  /** The values came from this socket's own messages rather than documented defaults. */
  negotiated: boolean;
  /** e.g. "Socket.IO ping". */
  beatName: string;
  /** e.g. "the server pings every 25 s and the client gives up after 45 s". */
  description: string;
}

/** A socket's decoder state: feed it the socket's messages in order. */
export interface ProtocolSession {
  decode(message: MessagePreview): Decoded;
  /** The heartbeat expectations known so far; null when the protocol has none on this socket. */
  heartbeat(): HeartbeatPolicy | null;
  /** An independent copy at this point: decoding on with it leaves this session as it is. */
  fork(): ProtocolSession;
}

/** A WebSocket close code as one protocol defines it: for a socket of that protocol only. */
export interface ProtocolCloseCode {
  code: number;
  name: string;
  meaning: string;
  sentBy: string;
  /** What the protocol's client library does next, when known. */
  retry?: string;
  /** Means this only right after the protocol's own goodbye (e.g. the 1000 that follows it). */
  afterGoodbye?: boolean;
}

/** One protocol as the registry knows it. */
export interface Protocol {
  id: ProtocolId;
  /** Display name, e.g. "Socket.IO". */
  name: string;
  /** For a narrow table cell, e.g. "GraphQL WS". */
  shortName: string;
  /** Subprotocol names that identify it (exact match). */
  subprotocols: readonly string[];
  matchesUrl(url: URL): boolean;
  /**
   * The URL alone is weak evidence: it counts only until the page's first message, which must
   * then be this protocol's handshake (matchesContent).
   */
  urlNeedsHandshake: boolean;
  /** Whether one of a socket's first messages is typical of this protocol. */
  matchesContent(message: MessagePreview): boolean;
  createSession(socket: SocketFacts): ProtocolSession;
  closeCode(code: number, reason: string): ProtocolCloseCode | null;
}

export type DetectedBy = 'subprotocol' | 'url' | 'content' | 'user';

export interface Detection {
  protocol: Protocol;
  detectedBy: DetectedBy;
  /** What matched, as text: "negotiated subprotocol mqtt", "URL path /socket.io/". */
  evidence: string;
}

/** The close as the page saw it, plus when it happened. */
export interface AppCloseFacts {
  code: number;
  reason: string;
  wasClean: boolean;
  opened: boolean;
  errored: boolean;
  closedAt: number;
  openedAt: number | null;
  /** The page's own close() call, if it made one. */
  closeCall: { code: number | null; reason: string | null; at: number } | null;
}

export interface HeartbeatVerdict {
  /** missed: the expected beats stopped before the close; on-time: they did not. */
  verdict: 'missed' | 'on-time';
  /** Silence before the close, in ms, in the watched direction. */
  silenceMs: number;
  /** A ping of the page's side that got no pong before the close, if any. */
  unansweredPingAt: number | null;
  policy: HeartbeatPolicy;
  text: string;
}

/** A message with what its protocol made of it. */
export interface DecodedMessage {
  message: MessagePreview;
  decoded: Decoded;
}

/** A goodbye with the message that carried it. */
export interface SeenGoodbye extends AppGoodbye {
  /** The decoded summary of the message that carried it. */
  summary: string;
  seq: number;
  t: number;
  dir: 'sent' | 'received';
}

/** What the application layer says about a close, beside what the browser reported. */
export interface AppCloseInfo {
  protocol: ProtocolId;
  protocolName: string;
  goodbye: SeenGoodbye | null;
  closeCode: ProtocolCloseCode | null;
  heartbeat: HeartbeatVerdict | null;
  /** Sentences for the close explanation, in order: goodbye, code, heartbeat. */
  lines: string[];
}
