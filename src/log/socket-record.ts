import type { HandshakeReport } from '../protocol/handshake';
import type { RecorderEventOf } from '../protocol/recorder-events';
import type { SocketSummary } from '../protocol/socket-summary';
import type { PreviewBuffer } from './preview-buffer';

export type MessageRecord = RecorderEventOf<'message'>;

/** A socket as the panel holds it: the exact summary plus the previews still retained. */
export interface SocketRecord extends SocketSummary {
  messages: PreviewBuffer;
  /** The frame of the tab it lives in: 0 for the top document. */
  frameId: number;
  /** Why its handshake failed, when the browser told the extension. */
  handshake: HandshakeReport | null;
}

/** Messages the socket sent and received, exact whatever the previews held. */
export function messageCount(s: Pick<SocketSummary, 'sent' | 'received'>): number {
  return s.sent.messages + s.received.messages;
}

/** Messages counted but whose previews are no longer held (capped, or dropped by the page). */
export function droppedPreviews(s: SocketRecord): number {
  return messageCount(s) - s.messages.length;
}

// Moved to src/protocol/summary-fold.ts with the summary folding; import from there.
export { socketId } from '../protocol/summary-fold';
