import { defineProtocol } from '../define-protocol';
import { decode } from './decode';

/** JSON-RPC 2.0: no WebSocket binding, subprotocol, goodbye, heartbeat or close code of its own. */
export const jsonRpc = defineProtocol({
  id: 'json-rpc',
  name: 'JSON-RPC 2.0',
  shortName: 'JSON-RPC',
  subprotocols: [],
  matchesUrl: () => false,
  matchesContent: (m) =>
    m.kind === 'text' &&
    /^\s*[[{]/.test(m.preview) &&
    /"jsonrpc"\s*:\s*"2\.0"/.test(m.preview.slice(0, 1024)),
  createSession: () => null,
  decode: (m) => decode(m),
  heartbeat: () => null,
  closeCode: () => null,
});
