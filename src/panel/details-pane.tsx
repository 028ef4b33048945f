import type { SocketRow } from './socket-table';
import { CloseDetails } from './close-details';
import { MessageLog } from './message-log';

export type DetailsTab = 'close' | 'messages';

interface Props {
  row: SocketRow;
  tab: DetailsTab;
  onTab(tab: DetailsTab): void;
  version: number;
  search: string;
  selectedSeq: number | null;
  onSelectMessage(seq: number | null): void;
}

/** The selected socket, in tabs like the Network panel's: its close, then its messages. */
export function DetailsPane({ row, tab, onTab, version, search, selectedSeq, onSelectMessage }: Props) {
  const s = row.socket;
  const tabs: [DetailsTab, string][] = [
    ['close', 'Close'],
    ['messages', `Messages (${(s.sent.messages + s.received.messages).toLocaleString('en-US')})`],
  ];
  return (
    <section class="details" aria-label="Selected socket">
      <div class="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} class={tab === id ? 'active' : ''} onClick={() => onTab(id)}>
            {label}
          </button>
        ))}
        <span class="details-url" title={s.url}>
          {s.url}
        </span>
      </div>
      <div class="tab-body" role="tabpanel">
        {tab === 'close' ? (
          <CloseDetails row={row} />
        ) : (
          <MessageLog socket={s} version={version} search={search} selectedSeq={selectedSeq} onSelect={onSelectMessage} />
        )}
      </div>
    </section>
  );
}
