import type { SocketDecoding } from '../log/app-protocols/socket-decoding';
import type { SocketRecord } from '../log/socket-record';
import { DecodeAsSelect } from './decode-as-select';
import { useModel } from './model/model-context';

/** Above the message log: the filter by decoded type or event name, and "Decode as". */
export function MessageTools({
  socket,
  decoding,
}: {
  socket: SocketRecord;
  decoding: SocketDecoding | null;
}) {
  const model = useModel();
  return (
    <div class="message-tools">
      {decoding && (
        <>
          <input
            type="search"
            class="decoded-filter"
            placeholder="Filter: decoded type or event"
            aria-label="Filter messages by decoded type or event name"
            list="decoded-names"
            value={model.messageFilter.value}
            onInput={(e) => model.setMessageFilter(e.currentTarget.value)}
          />
          <datalist id="decoded-names">
            {[...decoding.names].map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
      {decoding && (
        <span class="message-protocol" data-testid="messages-protocol">
          {decoding.protocol.shortName}
        </span>
      )}
      <DecodeAsSelect socket={socket} />
    </div>
  );
}
