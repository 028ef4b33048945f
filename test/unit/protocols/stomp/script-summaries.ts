/** What test/fixtures/libraries/stomp-script.ts exchanges, decoded: the same over a WebSocket or inside SockJS. */
export const STOMP_SCRIPT_SUMMARIES = [
  'CONNECT accept-version 1.2,1.1,1.0 heart-beat 300,300',
  'CONNECTED version 1.2 heart-beat 300,300',
  'SUBSCRIBE /topic/prices',
  'SEND /topic/prices',
  'MESSAGE /topic/prices',
  'heart-beat',
  'heart-beat',
  'SEND /queue/forbidden',
  'ERROR Access denied',
];
