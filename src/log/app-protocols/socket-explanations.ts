import { explainAppClose, protocolCloseCode } from '../../protocols';
import type { Protocol } from '../../protocols';
import type { SocketRecord } from '../socket-record';
import { explainCached } from '../socket-view';
import { withAppProtocol } from './app-explanation';
import type { AppAwareExplanation } from './app-explanation';
import { appCloseFacts } from './inputs';
import type { SocketDecoding } from './socket-decoding';

/** Per close: its explanation for the protocol it was last asked with. */
const rows = new WeakMap<object, { handshake: unknown; protocol: Protocol | null; x: AppAwareExplanation }>();

/**
 * A closed socket's explanation with its protocol's own close codes, without decoding a message:
 * for the table, which asks for every visible row on every render. Remembered per close.
 */
export function explainRow(s: SocketRecord, protocol: Protocol | null): AppAwareExplanation | null {
  const x = explainCached(s);
  if (!s.close || !x) return null;
  const hit = rows.get(s.close);
  if (hit && hit.handshake === s.handshake && hit.protocol === protocol) return hit.x;
  const code = protocol && protocolCloseCode(protocol, s.close.code, s.close.reason, false);
  const explained = withAppProtocol(x, protocol, code, null);
  rows.set(s.close, { handshake: s.handshake, protocol, x: explained });
  return explained;
}

/**
 * A closed socket's full explanation: its decoded messages add the application's last goodbye,
 * codes that mean something only after it, and whether its heartbeats had stopped.
 */
export function explainDecoded(s: SocketRecord, decoding: SocketDecoding): AppAwareExplanation | null {
  const x = explainCached(s);
  const close = appCloseFacts(s);
  if (!x || !close) return null;
  const { protocol } = decoding;
  const app = explainAppClose({
    protocol,
    messages: decoding.messages(s.messages),
    heartbeat: decoding.heartbeat(),
    close,
  });
  return withAppProtocol(x, protocol, app.closeCode, app);
}
