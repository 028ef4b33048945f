import { defineProtocol } from '../define-protocol';
import { jsonType } from '../shared/json-type';
import type { ProtocolCloseCode } from '../types';
import { decode } from './decode';
import { heartbeat } from './heartbeat';

const AFTER_DISCONNECT: ProtocolCloseCode = {
  code: 1000,
  name: 'Normal Closure (after disconnect)',
  meaning:
    'the Action Cable server closes with 1000 right after its disconnect message, which holds the reason',
  sentBy: 'Action Cable server',
  afterGoodbye: true,
};

/** Rails Action Cable, JSON (actioncable-v1-json). */
export const actionCable = defineProtocol({
  id: 'action-cable',
  name: 'Action Cable',
  subprotocols: ['actioncable-v1-json', 'actioncable-unsupported'],
  matchesUrl: (url) => /\/cable\/?$/.test(url.pathname),
  matchesContent: (m) => m.dir === 'received' && jsonType(m) === 'welcome',
  createSession: () => null,
  decode: (m) => decode(m),
  heartbeat,
  closeCode: (code) => (code === 1000 ? AFTER_DISCONNECT : null),
});
