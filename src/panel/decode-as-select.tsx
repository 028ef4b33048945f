import type { SocketRecord } from '../log/socket-record';
import { PROTOCOLS, isProtocolId } from '../protocols';
import { choiceFor } from './model/decode-as';
import { useModel } from './model/model-context';

const AUTO = 'auto';

/**
 * "Decode as": the socket's protocol as detected, or the user's choice, which then holds for
 * every socket to the same endpoint (and is remembered).
 */
export function DecodeAsSelect({ socket }: { socket: SocketRecord }) {
  const model = useModel();
  return (
    <select
      class="decode-as"
      aria-label="Decode as"
      title="The choice holds for every socket to this endpoint, and is remembered"
      value={choiceFor(socket.url, model.prefs.value.decodeAs) ?? AUTO}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (v === AUTO) model.decodeAs(socket, null);
        else if (v === 'none' || isProtocolId(v)) model.decodeAs(socket, v);
      }}
    >
      <option value={AUTO}>Detect automatically</option>
      {PROTOCOLS.map((p) => (
        <option key={p.id} value={p.id}>
          Decode as {p.name}
        </option>
      ))}
      <option value="none">Do not decode</option>
    </select>
  );
}
