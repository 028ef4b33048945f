import type { RecorderEvent, RecorderEventOf } from '../../src/protocol/recorder-events';
import type { EventsBatch, SnapshotPart } from '../../src/protocol/page-messages';
import type { SocketSummary } from '../../src/protocol/socket-summary';
import { BRAND, PROTOCOL_VERSION, pageHeader } from '../../src/protocol/envelope';

/** Well-formed protocol values for unit tests, with whatever overrides a test needs. */
export const ev = {
  created: (socket: number, seq: number, url = `ws://x.test/${socket}`): RecorderEventOf<'created'> => ({
    type: 'created',
    socket,
    seq,
    t: 1000 + seq,
    url,
    frameUrl: 'https://page.test/',
    protocols: [],
  }),
  open: (socket: number, seq: number): RecorderEventOf<'open'> => ({
    type: 'open',
    socket,
    seq,
    t: 1000 + seq,
    protocol: '',
    extensions: '',
  }),
  message: (
    socket: number,
    seq: number,
    preview = 'm',
    dir: 'sent' | 'received' = 'received',
  ): RecorderEventOf<'message'> => ({
    type: 'message',
    socket,
    seq,
    t: 1000 + seq,
    dir,
    kind: 'text',
    jsType: 'string',
    size: preview.length,
    preview,
    truncated: false,
  }),
  error: (socket: number, seq: number): RecorderEventOf<'error'> => ({
    type: 'error',
    socket,
    seq,
    t: 1000 + seq,
  }),
  closeCall: (
    socket: number,
    seq: number,
    code: number | null = null,
    reason: string | null = null,
  ): RecorderEventOf<'close-call'> => ({
    type: 'close-call',
    socket,
    seq,
    t: 1000 + seq,
    code,
    reason,
  }),
  closed: (
    socket: number,
    seq: number,
    code = 1000,
    wasClean = true,
    reason = '',
  ): RecorderEventOf<'closed'> => ({
    type: 'closed',
    socket,
    seq,
    t: 1000 + seq,
    code,
    reason,
    wasClean,
  }),
};

export function batch(doc: string, events: RecorderEvent[]): EventsBatch {
  return { source: BRAND, v: PROTOCOL_VERSION, type: 'events', doc, events };
}

export function snapshot(
  doc: string,
  lastSeq: number,
  sockets: SocketSummary[],
  messages: SnapshotPart['messages'] = [],
): SnapshotPart {
  return { source: BRAND, v: PROTOCOL_VERSION, type: 'snapshot', doc, lastSeq, sockets, messages };
}

/** A page-channel string as the recorder writes it: the protocol header, then the JSON. */
export function pageString(message: unknown, version = PROTOCOL_VERSION): string {
  return pageHeader(version) + JSON.stringify(message);
}
