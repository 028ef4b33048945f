import { useState } from 'preact/hooks';
import { messageCount } from '../log/socket-record';
import type { SocketRecord } from '../log/socket-record';
import { CloseDetails } from './close-details';
import { Composer } from './composer';
import { copyText } from './clipboard';
import { MessageLog } from './message-log';
import { useModel } from './model/model-context';
import type { DetailsTab } from './model/panel-model';

/**
 * The selected socket, in tabs like the Network panel's: its close, its messages, and (in a live
 * tab) the composer that talks to it.
 */
export function DetailsPane({ socket: s }: { socket: SocketRecord }) {
  const model = useModel();
  const tab = model.detailsTab.value;
  const [copied, setCopied] = useState(false);
  const copySummary = () =>
    void copyText(model.summaryText(s)).then(
      () => setCopied(true),
      (e: unknown) => model.diagnostics.report('clipboard', 'Copying the summary failed', e),
    );
  const tabs: [DetailsTab, string][] = [
    ['close', 'Close'],
    ['messages', `Messages (${messageCount(s).toLocaleString('en-US')})`],
    // Only a live tab has sockets to talk to; an imported log is read-only.
    ...(model.isLive ? [['compose', 'Compose'] as [DetailsTab, string]] : []),
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
            onClick={() => model.setTab(id)}
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
          {copied ? 'Copied' : 'Copy summary'}
        </button>
      </div>
      <div class="tab-body" role="tabpanel">
        {tab === 'close' ? (
          <CloseDetails socket={s} />
        ) : tab === 'compose' && model.isLive ? (
          <Composer socket={s} />
        ) : (
          <MessageLog socket={s} />
        )}
      </div>
    </section>
  );
}
