import { InterceptBadge } from './intercept-mark';
import { useState } from 'preact/hooks';
import { draftFromMessage } from '../compose/draft-from-message';
import type { MessageRecord } from '../log/socket-record';
import type { Decoded, Protocol } from '../protocols';
import { copyText } from './clipboard';
import { DecodedDetail } from './decoded-detail';
import { formatBytes, formatClock, formatDuration } from './format';
import { hexDump } from './hex-dump';
import { JsonTree } from './json-tree';
import { useModel } from './model/model-context';
import { SaveForm } from './save-form';

/** Long text shows this much until the user expands it. */
const COLLAPSED_CHARS = 400;

/**
 * One message in full: what its protocol makes of it, then the preview itself: JSON as a tree,
 * binary as a hex dump, long text expandable; copyable, and in a live tab ready to edit and
 * resend or to save.
 */
export function MessageDetail({
  message: m,
  since,
  decoded,
}: {
  message: MessageRecord;
  since: number;
  decoded: { protocol: Protocol; decoded: Decoded } | null;
}) {
  const [copied, setCopied] = useState(false);
  const json = m.kind === 'text' && !m.truncated ? parseJson(m.preview) : undefined;
  const copy = async () => {
    await copyText(m.preview ?? '');
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <section class="message-detail" aria-label="Selected message">
      <div class="message-meta">
        <span class={`dir ${m.dir}`}>{m.dir === 'sent' ? '↑ sent' : '↓ received'}</span>
        <span>
          {formatClock(m.t)} (+{formatDuration(m.t - since)})
        </span>
        <span>{formatBytes(m.size)}</span>
        <span>{m.kind === 'text' ? 'text' : `binary (${m.jsType})`}</span>
        {m.tester && (
          <span class="by-tester" title={TESTER_TITLE[m.dir]}>
            ⚑ by tester
          </span>
        )}
        {m.intercept && <InterceptBadge mark={m.intercept} long />}
        <button type="button" onClick={() => void copy()} disabled={m.preview === null}>
          {copied ? 'Copied' : 'Copy'}
        </button>
        <TalkBack message={m} />
      </div>
      {decoded && <DecodedDetail protocol={decoded.protocol} decoded={decoded.decoded} />}
      {decoded && <h4 class="raw-heading">Preview as recorded</h4>}
      {m.truncated && (
        <p class="note">
          Preview: the first{' '}
          {m.kind === 'text'
            ? `${(m.preview ?? '').length.toLocaleString('en-US')} characters`
            : `${(m.preview ?? '').length / 2} bytes`}{' '}
          of {formatBytes(m.size)}.
        </p>
      )}
      {m.preview === null ? (
        <p class="muted">A Blob whose first bytes could not be read.</p>
      ) : m.kind === 'binary' ? (
        <HexView hex={m.preview} />
      ) : json !== undefined ? (
        <JsonTree value={json} />
      ) : (
        <LongText text={m.preview} truncated={m.truncated} />
      )}
    </section>
  );
}

/** What a tester's message was, in the words the composer uses. */
export const TESTER_TITLE: Record<MessageRecord['dir'], string> = {
  sent: 'Sent as the page by the tester, through the socket’s real send()',
  received: 'Injected by the tester as if the server had sent it: the server never saw it',
};

/** A logged message into the composer (to edit and send again), or saved under a name. */
function TalkBack({ message: m }: { message: MessageRecord }) {
  const model = useModel();
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (!model.isLive) return null;
  const loaded = draftFromMessage(m);
  const why = loaded.ok ? undefined : loaded.error;
  return (
    <>
      <button type="button" disabled={!loaded.ok} title={why} onClick={() => model.resend(m)}>
        Edit and resend
      </button>
      {model.saved && (
        <button
          type="button"
          disabled={!loaded.ok}
          title={why}
          aria-expanded={saving}
          onClick={() => {
            setSaving(!saving);
            setSaved(null);
          }}
        >
          Save…
        </button>
      )}
      {saved && (
        <span class="muted" role="status">
          {saved}
        </span>
      )}
      {saving && loaded.ok && (
        <SaveForm
          draft={loaded.draft}
          onDone={() => {
            setSaving(false);
            setSaved(model.saved?.status.value?.text ?? null);
          }}
          onCancel={() => setSaving(false)}
        />
      )}
    </>
  );
}

function parseJson(text: string | null): unknown {
  if (text === null || !/^\s*[[{]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function LongText({ text, truncated }: { text: string; truncated: boolean }) {
  const [open, setOpen] = useState(false);
  const long = text.length > COLLAPSED_CHARS;
  return (
    <div>
      <pre class="message-text">{open || !long ? text : `${text.slice(0, COLLAPSED_CHARS)}…`}</pre>
      {long && (
        <button type="button" class="link" onClick={() => setOpen(!open)}>
          {open
            ? 'Show less'
            : `Show ${truncated ? 'the whole preview' : 'all'} (${text.length.toLocaleString('en-US')} characters)`}
        </button>
      )}
    </div>
  );
}

function HexView({ hex }: { hex: string }) {
  return (
    <pre class="hex" aria-label="Hex dump">
      {hexDump(hex).map((l) => (
        <div key={l.offset}>
          <span class="muted">{l.offset}</span> {l.bytes.padEnd(47, ' ')} <span class="ascii">{l.ascii}</span>
        </div>
      ))}
    </pre>
  );
}
