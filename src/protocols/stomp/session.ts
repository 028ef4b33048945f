/** Heart-beat pairs in ms: [can send every, wants every]; missing header = [0, 0]. */
export type HeartBeat = readonly [number, number];

export interface StompSession {
  client: HeartBeat | null;
  server: HeartBeat | null;
  version: string | null;
}

export function createSession(): StompSession {
  return { client: null, server: null, version: null };
}

/** The heart-beat header "cx,cy"; [0,0] when absent or unreadable, as the spec defaults it. */
export function parseHeartBeat(value: string | undefined): HeartBeat {
  const m = /^\s*(\d{1,9})\s*,\s*(\d{1,9})\s*$/.exec(value ?? '');
  return m === null ? [0, 0] : [Number(m[1]), Number(m[2])];
}
