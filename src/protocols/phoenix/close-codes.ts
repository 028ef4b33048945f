import type { ProtocolCloseCode } from '../types';

const CODES: readonly ProtocolCloseCode[] = [
  {
    code: 1001,
    name: 'Going Away (disconnect broadcast)',
    meaning:
      'Phoenix 1.8.8+ closes with 1001 after a "disconnect" broadcast to this socket\'s id (e.g. when a user logs out elsewhere); phoenix.js reconnects',
    sentBy: 'Phoenix server',
  },
  {
    code: 1012,
    name: 'Service Restart (endpoint drain)',
    meaning:
      'Phoenix closes its sockets with 1012 while draining the endpoint on shutdown; phoenix.js reconnects',
    sentBy: 'Phoenix server',
  },
];

const HEARTBEAT_TIMEOUT: ProtocolCloseCode = {
  code: 1000,
  name: 'Heartbeat timeout',
  meaning:
    'phoenix.js closes with 1000 "heartbeat timeout" when its previous heartbeat is still unanswered as the next one is due; it then reconnects',
  sentBy: 'phoenix.js client',
};

export function closeCode(code: number, reason: string): ProtocolCloseCode | null {
  if (code === 1000) return reason === 'heartbeat timeout' ? HEARTBEAT_TIMEOUT : null;
  return CODES.find((c) => c.code === code) ?? null;
}
