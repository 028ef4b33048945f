/** One library's use of a code, as close-codes.md lists it. */
export interface LibraryUse {
  library: string;
  /** What the library means by the code; null when only the range it uses is known. */
  meaning: string | null;
  /** Retry policy, or where the code shows up, when known. */
  note: string | null;
}

interface Entry extends LibraryUse {
  from: number;
  to: number;
}

function one(code: number, library: string, meaning: string | null, note: string | null = null): Entry {
  return { from: code, to: code, library, meaning, note };
}

function span(from: number, to: number, library: string, note: string | null = null): Entry {
  return { from, to, library, meaning: null, note };
}

const GQL_SERVER = 'sent by graphql-ws servers';
// graphql-ws 6 clients send these in their own close frame (socket.close(code, reason)).
const GQL_CLIENT = 'sent by graphql-ws clients in their own close frame';
// graphql-ws clients retry 4403, 4408, 4499 and 4504 and treat every other code as fatal.
const RETRIED = 'graphql-ws clients retry it';
const FATAL = 'graphql-ws clients treat it as fatal and do not retry';
const DISCORD_NO_RETRY = 'must not be retried';
const NOT_WS = 'reported by the sockjs-client object itself; not a WebSocket close code';

const ENTRIES: readonly Entry[] = [
  one(1002, 'SockJS server', '"Connection interrupted"'),
  one(1011, 'SignalR server', 'server or transport error'),
  one(1011, 'python-websockets', 'keepalive failure (reason "keepalive ping timeout")'),
  one(2000, 'sockjs-client', 'all transports failed', NOT_WS),
  one(2007, 'sockjs-client', 'transport timeout', NOT_WS),
  one(3000, 'SockJS server', '"Go away!"'),
  span(3000, 3008, 'SaltyRTC', 'used before the IANA 3000-range registrations'),
  span(4000, 4003, 'Discord gateway'),
  one(4004, 'Discord gateway', null, DISCORD_NO_RETRY),
  one(4005, 'Discord gateway', null),
  span(4007, 4009, 'Discord gateway'),
  span(4010, 4014, 'Discord gateway', DISCORD_NO_RETRY),
  span(4000, 4009, 'SocketCluster'),
  span(4000, 4007, 'Twitch EventSub'),
  one(4004, 'graphql-ws', 'bad response', `${GQL_CLIENT}; ${FATAL}`),
  one(4005, 'graphql-ws', 'internal client error', `${GQL_CLIENT}; ${FATAL}`),
  one(4400, 'graphql-ws', 'bad request', `${GQL_SERVER}; ${FATAL}`),
  one(4401, 'graphql-ws', 'unauthorized', `${GQL_SERVER}; ${FATAL}`),
  one(4403, 'graphql-ws', 'forbidden', `${GQL_SERVER}; ${RETRIED}`),
  one(4406, 'graphql-ws', 'subprotocol not acceptable', `${GQL_SERVER}; ${FATAL}`),
  one(4408, 'graphql-ws', 'connection initialisation timeout', `${GQL_SERVER}; ${RETRIED}`),
  one(4409, 'graphql-ws', 'subscriber already exists', `${GQL_SERVER}; ${FATAL}`),
  one(4429, 'graphql-ws', 'too many initialisation requests', `${GQL_SERVER}; ${FATAL}`),
  one(
    4499,
    'graphql-ws',
    'terminated',
    `${GQL_CLIENT} when the app calls terminate(), which hands the app a synthetic unclean close event at once; ${RETRIED}`,
  ),
  one(4500, 'graphql-ws', 'internal server error', `${GQL_SERVER}; ${FATAL}`),
  one(4500, 'Spring', 'session not reliable (send time limit exceeded)'),
  one(4504, 'graphql-ws', 'connection acknowledgement timeout', `${GQL_CLIENT}; ${RETRIED}`),
];

/** Every known library use of a code; several libraries may claim the same private code. */
export function libraryUses(code: number): LibraryUse[] {
  return ENTRIES.filter((e) => code >= e.from && code <= e.to).map(({ library, meaning, note }) => ({
    library,
    meaning,
    note,
  }));
}

/** A full sentence for the "likely causes" list. */
export function describeUse(use: LibraryUse): string {
  const what = use.meaning === null ? `${use.library} uses this code` : `${use.library}: ${use.meaning}`;
  return use.note === null ? `${what}.` : `${what} (${use.note}).`;
}

/** A short form for a one-line summary, e.g. "graphql-ws (unauthorized)". */
export function shortUse(use: LibraryUse): string {
  return use.meaning === null ? use.library : `${use.library} (${use.meaning})`;
}
