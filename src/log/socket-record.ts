import type { CloseLogAppProtocol, CloseLogApplicationClose } from '../export/close-log-schema';
import type { WireReport, WorkerInfo } from '../protocol/deep-capture';
import type { HandshakeReport } from '../protocol/handshake';
import type { RecorderEventOf } from '../protocol/recorder-events';
import type { SocketSummary } from '../protocol/socket-summary';
import type { PreviewLog } from './preview-log';

export type MessageRecord = RecorderEventOf<'message'>;

/**
 * A socket as the panel holds it: the exact summary, the previews still retained, and what the
 * browser told the extension about it. Immutable: every change makes a new record.
 */
export interface SocketRecord extends Readonly<SocketSummary> {
  readonly messages: PreviewLog;
  /** The frame of the tab it lives in: 0 for the top document. */
  readonly frameId: number;
  /** Why its handshake failed (or that it succeeded), when the browser told the extension. */
  readonly handshake: HandshakeReport | null;
  /** The worker it lives in (deep capture); absent for a socket of a document. */
  readonly worker?: WorkerInfo | null;
  /** What Chromium's DevTools protocol said about it beyond the page (deep capture). */
  readonly wire?: WireReport | null;
  /** An imported socket: what its file said of its application protocol. */
  readonly fromFile?: FileAppFacts;
}

/**
 * What a close log file said of a socket's application protocol: its protocol outranks detection
 * on import (it may have been the user's Decode as, or seen in messages not exported), and its
 * goodbye stands in when the file has no previews to find it in.
 */
export interface FileAppFacts {
  readonly appProtocol: Pick<CloseLogAppProtocol, 'id' | 'detectedBy'> | null;
  readonly application: CloseLogApplicationClose | null;
}

/** Messages the socket's log holds, the tester's included, exact whatever the previews held. */
export function messageCount(s: Pick<SocketSummary, 'sent' | 'received' | 'tester'>): number {
  return s.sent.messages + s.received.messages + s.tester.sent.messages + s.tester.injected.messages;
}

/** Messages counted but whose previews are no longer held (capped, or dropped by the page). */
export function droppedPreviews(s: SocketRecord): number {
  return messageCount(s) - s.messages.length;
}
