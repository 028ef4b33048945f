import type { MessagePreview } from '../../../../src/protocols';
import type { RecorderEvent } from '../../../../src/protocol/recorder-events';
import type { SocketInputs } from '../../../fixtures/libraries/close-log-socket';

/** A recorder message event for a preview. */
export function messageEvent(socket: number, seq: number, m: MessagePreview): RecorderEvent {
  return {
    type: 'message',
    socket,
    seq,
    t: m.t,
    dir: m.dir,
    kind: m.kind,
    jsType: m.kind === 'text' ? 'string' : 'ArrayBuffer',
    size: m.size,
    preview: m.preview,
    truncated: m.truncated,
  };
}

/**
 * What the recorder reported of a captured socket, as socket `socket` of a document, sequence
 * numbers from `seq`: created, open (unless it never opened), its messages, its close.
 */
export function captureEvents(s: SocketInputs, socket: number, seq = 1): RecorderEvent[] {
  const first = s.messages[0]?.t ?? s.close?.openedAt ?? 1000;
  const out: RecorderEvent[] = [
    {
      type: 'created',
      socket,
      seq: seq++,
      t: first - 20,
      url: s.socket.url,
      frameUrl: 'http://page.test/',
      protocols: [...s.socket.protocols],
    },
  ];
  if (s.close === null || s.close.opened)
    out.push({
      type: 'open',
      socket,
      seq: seq++,
      t: first - 10,
      protocol: s.socket.protocol ?? '',
      extensions: '',
    });
  for (const m of s.messages) out.push(messageEvent(socket, seq++, m));
  const c = s.close;
  if (c !== null) {
    if (c.closeCall !== null)
      out.push({ type: 'close-call', socket, seq: seq++, ...c.closeCall, t: c.closeCall.at });
    out.push({
      type: 'closed',
      socket,
      seq,
      t: c.closedAt,
      code: c.code,
      reason: c.reason,
      wasClean: c.wasClean,
    });
  }
  return out;
}
