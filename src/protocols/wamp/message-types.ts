/** WAMP v2 message type codes (basic and advanced profiles). */
export const WAMP_TYPES: ReadonlyMap<number, string> = new Map([
  [1, 'HELLO'],
  [2, 'WELCOME'],
  [3, 'ABORT'],
  [4, 'CHALLENGE'],
  [5, 'AUTHENTICATE'],
  [6, 'GOODBYE'],
  [8, 'ERROR'],
  [16, 'PUBLISH'],
  [17, 'PUBLISHED'],
  [32, 'SUBSCRIBE'],
  [33, 'SUBSCRIBED'],
  [34, 'UNSUBSCRIBE'],
  [35, 'UNSUBSCRIBED'],
  [36, 'EVENT'],
  [48, 'CALL'],
  [49, 'CANCEL'],
  [50, 'RESULT'],
  [64, 'REGISTER'],
  [65, 'REGISTERED'],
  [66, 'UNREGISTER'],
  [67, 'UNREGISTERED'],
  [68, 'INVOCATION'],
  [69, 'INTERRUPT'],
  [70, 'YIELD'],
]);

/** Where the URI a message is about sits: [PUBLISH, id, options, topic], [CALL, id, options, procedure]... */
export const URI_AT: ReadonlyMap<string, number> = new Map([
  ['HELLO', 1],
  ['PUBLISH', 3],
  ['SUBSCRIBE', 3],
  ['CALL', 3],
  ['REGISTER', 3],
  ['ABORT', 2],
  ['GOODBYE', 2],
  ['ERROR', 4],
]);
