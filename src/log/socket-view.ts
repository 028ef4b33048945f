import { explainClose } from '../close-codes';
import type { CloseExplanation } from '../close-codes/types';
import type { SocketSummary } from '../protocol/socket-summary';

/** The explanation of a closed socket's close, from what its page saw; null while it lives. */
export function explainSocket(s: SocketSummary): CloseExplanation | null {
  if (!s.close) return null;
  return explainClose({
    code: s.close.code,
    reason: s.close.reason,
    wasClean: s.close.wasClean,
    opened: s.openedAt !== null,
    errored: s.errorAt !== null,
    closeCall: s.closeCall && { code: s.closeCall.code, reason: s.closeCall.reason },
  });
}

/** Milliseconds from creation to close, or to `now` for a socket still alive. */
export function lifetime(s: SocketSummary, now: number): number {
  return (s.closedAt ?? now) - s.createdAt;
}
