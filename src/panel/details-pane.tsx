import { useState } from 'preact/hooks';
import { toCloseLogSocket } from '../export/close-log';
import { socketSummaryText } from '../export/socket-summary-text';
import { messageCount } from '../log/socket-record';
import type { SocketRow } from './socket-table';
import { CloseDetails } from './close-details';
import { copyText } from './clipboard';
import type { OnInject } from './fault-controls';
import { MessageLog } from './message-log';

export type DetailsTab = 'close' | 'messages';

interface Props {
  row: SocketRow;
  tab: DetailsTab;
  onTab(tab: DetailsTab): void;
  search: string;
  selectedSeq: number | null;
  onSelectMessage(seq: number | null): void;
  /** Fault controls, for a live tab only. */
  onInject?: OnInject | undefined;
}

/** The selected socket, in tabs like the Network panel's: its close, then its messages. */
export function DetailsPane({ row, tab, onTab, search, selectedSeq, onSelectMessage, onInject }: Props) {
  const s = row.socket;
  const [copied, setCopied] = useState<string | null>(null);
  const copySummary = () => {
    void copyText(socketSummaryText(toCloseLogSocket(s))).then(() => setCopied(s.id));
  };
  const tabs: [DetailsTab, string][] = [
    ['close', 'Close'],
    ['messages', `Messages (${messageCount(s).toLocaleString('en-US')})`],
  ];
  return (
    <section class="details" aria-label="Selected socket">
      <div class="tabs" role="tablist">
        {tabs.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            aria-selected={tab === id}
            class={tab === id ? 'active' : ''}
            onClick={() => onTab(id)}
          >
            {label}
          </button>
        ))}
        <span class="details-url" title={s.url}>
          {s.url}
        </span>
        <button
          type="button"
          class="copy-summary"
          onClick={copySummary}
          title="Copy this socket's summary as plain text, for a bug report"
        >
          {copied === s.id ? 'Copied' : 'Copy summary'}
        </button>
      </div>
      <div class="tab-body" role="tabpanel">
        {tab === 'close' ? (
          <CloseDetails row={row} onInject={onInject} />
        ) : (
          <MessageLog socket={s} search={search} selectedSeq={selectedSeq} onSelect={onSelectMessage} />
        )}
      </div>
    </section>
  );
}
