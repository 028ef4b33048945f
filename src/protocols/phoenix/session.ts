/** Refs of phx_join pushes awaiting their reply: a refused join is a phx_reply with their ref. */
const MAX_PENDING = 1000;

export interface PhoenixSession {
  joins: Map<string, string>;
}

export function createSession(): PhoenixSession {
  return { joins: new Map() };
}

export function rememberJoin(s: PhoenixSession, ref: string, topic: string): void {
  // A join that never got its reply must not grow the map forever.
  if (s.joins.size >= MAX_PENDING) {
    const oldest = s.joins.keys().next();
    if (oldest.done !== true) s.joins.delete(oldest.value);
  }
  s.joins.set(ref, topic);
}
