import type { ProtocolCloseCode } from '../types';

const RETRIED = 'graphql-ws clients retry it (up to retryAttempts, 5 by default)';
const FATAL = 'graphql-ws clients treat it as fatal and do not retry';
const SERVER = 'the graphql-ws server';
const CLIENT = 'the graphql-ws client, in its own close frame';

/** Close codes of graphql-transport-ws (PROTOCOL.md and the graphql-ws 6 library). */
const CODES: readonly ProtocolCloseCode[] = [
  {
    code: 4400,
    name: 'Bad request',
    meaning:
      'a message was invalid or of an unknown type ("Invalid message received"); the reason holds the details',
    sentBy: SERVER,
    retry: FATAL,
  },
  {
    code: 4401,
    name: 'Unauthorized',
    meaning: 'the client subscribed before the server acknowledged the connection (connection_ack)',
    sentBy: SERVER,
    retry: FATAL,
  },
  {
    code: 4403,
    name: 'Forbidden',
    meaning: 'the server refused the connection_init (its onConnect returned false), e.g. bad credentials',
    sentBy: SERVER,
    retry: RETRIED,
  },
  {
    code: 4406,
    name: 'Subprotocol not acceptable',
    meaning:
      'the socket did not negotiate the graphql-transport-ws subprotocol (e.g. a legacy "graphql-ws" client)',
    sentBy: SERVER,
    retry: FATAL,
  },
  {
    code: 4408,
    name: 'Connection initialisation timeout',
    meaning: 'no connection_init arrived within connectionInitWaitTimeout (3 s by default)',
    sentBy: SERVER,
    retry: RETRIED,
  },
  {
    code: 4409,
    name: 'Subscriber already exists',
    meaning: 'a subscribe reused the id of an operation that is still running',
    sentBy: SERVER,
    retry: FATAL,
  },
  {
    code: 4429,
    name: 'Too many initialisation requests',
    meaning: 'the client sent a second connection_init',
    sentBy: SERVER,
    retry: FATAL,
  },
  {
    code: 4500,
    name: 'Internal server error',
    meaning: 'the server failed with an exception; the reason holds its message unless the server hides it',
    sentBy: SERVER,
    retry: FATAL,
  },
  {
    code: 4004,
    name: 'Bad response',
    meaning:
      'the server sent something the client could not accept, e.g. a first message that is not connection_ack',
    sentBy: CLIENT,
    retry: FATAL,
  },
  {
    code: 4005,
    name: 'Internal client error',
    meaning: 'the client failed, e.g. its connectionParams function threw',
    sentBy: CLIENT,
    retry: FATAL,
  },
  {
    code: 4504,
    name: 'Connection acknowledgement timeout',
    meaning: "no connection_ack arrived within the client's connectionAckWaitTimeout",
    sentBy: CLIENT,
    retry: RETRIED,
  },
  {
    code: 4499,
    name: 'Terminated',
    meaning:
      'the application called client.terminate(): the client reports a synthetic unclean close at once and also closes the socket with 4499',
    sentBy: CLIENT,
    retry: RETRIED,
  },
];

export function closeCode(code: number): ProtocolCloseCode | null {
  return CODES.find((c) => c.code === code) ?? null;
}
