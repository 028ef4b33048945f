import type { SocketDecoding } from '../log/app-protocols/socket-decoding';
import { useModel } from './model/model-context';

/** First in the message filters of a decoded socket: its protocol, and a filter by decoded type or event name. */
export function DecodedFilter({ decoding }: { decoding: SocketDecoding }) {
  const model = useModel();
  return (
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
      <span class="message-protocol" data-testid="messages-protocol">
        {decoding.protocol.shortName}
      </span>
    </>
  );
}
