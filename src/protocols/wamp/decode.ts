import { malformed } from '../shared/decoded';
import { isRecord, readJson, str } from '../shared/json';
import { finish } from '../shared/json-message';
import { oneLine } from '../shared/text';
import type { Decoded, MessagePreview } from '../types';
import { wampGoodbye } from './goodbyes';
import { URI_AT, WAMP_TYPES } from './message-types';

/** wamp.2.json: one JSON array per message, [type code, ...]. */
export function decode(m: MessagePreview & { preview: string }): Decoded {
  if (m.kind === 'binary')
    return malformed('binary', 'binary WAMP serializers (MessagePack, CBOR) are not decoded', m.truncated);
  const json = readJson(m.preview, m.truncated);
  const v = json.value;
  if (!Array.isArray(v) || typeof v[0] !== 'number')
    return malformed('message', json.error ?? 'expected [type code, ...]', json.partial);
  const type = WAMP_TYPES.get(v[0]);
  if (type === undefined)
    return finish(
      { type: 'unknown', summary: `unknown message type ${v[0]}`, error: 'not a WAMP message type' },
      json,
    );
  const at = URI_AT.get(type);
  const uriValue = at === undefined ? undefined : v[at];
  const uri = typeof uriValue === 'string' ? oneLine(uriValue, 120) : undefined;
  const d: Decoded = { type, summary: uri === undefined ? type : `${type} ${uri}` };
  if (uri !== undefined && type !== 'ABORT' && type !== 'GOODBYE' && type !== 'HELLO') d.event = uri;
  // A GOODBYE that answers the peer's GOODBYE is an acknowledgement: the peer's stays the goodbye.
  const reply = typeof uriValue === 'string' && uriValue.endsWith('.goodbye_and_out');
  if ((type === 'ABORT' || type === 'GOODBYE') && !reply) {
    const details = v[1];
    d.goodbye = wampGoodbye(
      type,
      m.dir,
      typeof uriValue === 'string' ? uriValue : undefined,
      isRecord(details) ? str(details, 'message') : undefined,
    );
  }
  return finish(d, json);
}
