/** MQTT 5.0 reason codes (OASIS MQTT 5.0 §2.4, Table 2-6). 0x00 reads "Success" or, in DISCONNECT, "Normal disconnection". */
const REASONS: ReadonlyMap<number, string> = new Map([
  [0x00, 'Success'],
  [0x01, 'Granted QoS 1'],
  [0x02, 'Granted QoS 2'],
  [0x04, 'Disconnect with Will Message'],
  [0x10, 'No matching subscribers'],
  [0x11, 'No subscription existed'],
  [0x18, 'Continue authentication'],
  [0x19, 'Re-authenticate'],
  [0x80, 'Unspecified error'],
  [0x81, 'Malformed Packet'],
  [0x82, 'Protocol Error'],
  [0x83, 'Implementation specific error'],
  [0x84, 'Unsupported Protocol Version'],
  [0x85, 'Client Identifier not valid'],
  [0x86, 'Bad User Name or Password'],
  [0x87, 'Not authorized'],
  [0x88, 'Server unavailable'],
  [0x89, 'Server busy'],
  [0x8a, 'Banned'],
  [0x8b, 'Server shutting down'],
  [0x8c, 'Bad authentication method'],
  [0x8d, 'Keep Alive timeout'],
  [0x8e, 'Session taken over'],
  [0x8f, 'Topic Filter invalid'],
  [0x90, 'Topic Name invalid'],
  [0x91, 'Packet Identifier in use'],
  [0x92, 'Packet Identifier not found'],
  [0x93, 'Receive Maximum exceeded'],
  [0x94, 'Topic Alias invalid'],
  [0x95, 'Packet too large'],
  [0x96, 'Message rate too high'],
  [0x97, 'Quota exceeded'],
  [0x98, 'Administrative action'],
  [0x99, 'Payload format invalid'],
  [0x9a, 'Retain not supported'],
  [0x9b, 'QoS not supported'],
  [0x9c, 'Use another server'],
  [0x9d, 'Server moved'],
  [0x9e, 'Shared Subscriptions not supported'],
  [0x9f, 'Connection rate exceeded'],
  [0xa0, 'Maximum connect time'],
  [0xa1, 'Subscription Identifiers not supported'],
  [0xa2, 'Wildcard Subscriptions not supported'],
]);

/** What a 5.0 DISCONNECT's reason code means in one sentence, for the codes with a sender to name. */
const DISCONNECT_MEANINGS: ReadonlyMap<number, string> = new Map([
  [0x00, 'the sender closes normally'],
  [0x04, 'the client closes and asks the server to publish its Will Message'],
  [0x8b, 'the server is shutting down'],
  [0x8d, 'the server received nothing from the client for 1.5 times the keep alive'],
  [0x8e, 'another connection with the same Client Identifier took over this session'],
  [0x9c, 'the client should connect to another server (see Server Reference)'],
  [0x9d, 'the server has moved; the client should use the other server permanently (see Server Reference)'],
  [0xa0, 'the connection reached the maximum time the server allows'],
  [0x98, 'an administrator ended the connection'],
]);

export function reasonName(code: number): string {
  return REASONS.get(code) ?? `reason code 0x${hex2(code)}`;
}

export function disconnectName(code: number): string {
  return code === 0 ? 'Normal disconnection' : reasonName(code);
}

export function disconnectMeaning(code: number): string | undefined {
  return DISCONNECT_MEANINGS.get(code);
}

/** MQTT 3.1.1 CONNACK return codes (§3.2.2.3); 6-255 are reserved. */
const RETURN_CODES = [
  'Connection Accepted',
  'Connection Refused, unacceptable protocol version',
  'Connection Refused, identifier rejected',
  'Connection Refused, Server unavailable',
  'Connection Refused, bad user name or password',
  'Connection Refused, not authorized',
] as const;

export function returnCodeName(code: number): string {
  return RETURN_CODES[code] ?? `reserved return code ${code}`;
}

export function hex2(n: number): string {
  return n.toString(16).padStart(2, '0').toUpperCase();
}
