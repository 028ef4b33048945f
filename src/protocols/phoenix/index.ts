import { defineProtocol } from '../define-protocol';
import { closeCode } from './close-codes';
import { decode } from './decode';
import { matchesContent, matchesUrl } from './detect';
import { heartbeat } from './heartbeat';
import { createSession } from './session';

/** Phoenix Channels, v1 (object) and v2 (array, and binary) serializers. */
export const phoenix = defineProtocol({
  id: 'phoenix',
  name: 'Phoenix Channels',
  shortName: 'Phoenix',
  subprotocols: [],
  matchesUrl,
  matchesContent,
  createSession,
  decode,
  heartbeat,
  closeCode,
});
