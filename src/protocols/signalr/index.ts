import { defineProtocol } from '../define-protocol';
import { closeCode } from './close-codes';
import { decode } from './decode';
import { matchesContent, matchesUrl } from './detect';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** ASP.NET Core SignalR, JSON hub protocol (the MessagePack one is binary and not decoded). */
export const signalR = defineProtocol({
  id: 'signalr',
  name: 'SignalR',
  subprotocols: [],
  matchesUrl,
  // Any app can put a long "id" in its query: the handshake record confirms SignalR.
  urlNeedsHandshake: true,
  matchesContent,
  createSession,
  decode,
  heartbeat,
  closeCode,
});
