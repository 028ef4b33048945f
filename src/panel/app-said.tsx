import type { CloseLogApplicationClose } from '../export/close-log-schema';
import type { AppAwareExplanation } from '../log/app-protocols/app-explanation';
import type { SocketDecoding } from '../log/app-protocols/socket-decoding';
import type { SocketRecord } from '../log/socket-record';
import type { Protocol } from '../protocols';
import { DecodingNote } from './decoding-note';
import { formatClock, formatDuration } from './format';
import { useModel } from './model/model-context';

/**
 * What the application layer said before the close, beside what the browser reported: its last
 * goodbye (who sent it, when, what it means), and whether its heartbeats had stopped.
 */
export function AppSaid({
  x,
  protocol,
  socket: s,
}: {
  x: AppAwareExplanation;
  protocol: Protocol;
  socket: SocketRecord;
}) {
  const model = useModel();
  const decoding = model.protocols.selectedDecoding.value?.decoding ?? null;
  const g = x.app?.goodbye ?? null;
  const filed = s.fromFile?.application ?? null;
  const since = s.openedAt ?? s.createdAt;
  return (
    <section class="close-side app-said" aria-label="What the application said" data-testid="app-said">
      <h4>
        What the application said <span class="muted">({protocol.shortName})</span>
      </h4>
      {g ? (
        <>
          <p class="goodbye">
            <span class="muted">
              From the {g.dir === 'received' ? 'server' : 'client'} at {formatClock(g.t)} (+
              {formatDuration(g.t - since)}
              ):
            </span>{' '}
            <code data-testid="app-goodbye">{g.summary}</code>{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                model.setTab('messages');
                model.selectMessage(g.seq);
              }}
            >
              Show message
            </button>
          </p>
          <p>{g.explanation}</p>
        </>
      ) : filed ? (
        <>
          <p class="goodbye">
            <span class="muted">As the imported file says (its messages here do not show it):</span>{' '}
            <code data-testid="app-goodbye">{filedText(filed)}</code>
          </p>
          <p>{filed.explanation}</p>
        </>
      ) : x.protocolCode ? (
        <p>
          <code data-testid="app-goodbye">
            {x.protocolCode.code} {x.protocolCode.name}
          </code>{' '}
          <span class="muted">in the close frame: a close code {protocol.shortName} defines.</span>
        </p>
      ) : (
        <p class="muted">
          No goodbye message among the {decodedCount(decoding, s)} decoded before the close.
        </p>
      )}
      {x.app?.heartbeat && (
        <p class={x.app.heartbeat.verdict === 'missed' ? 'heartbeat-missed' : undefined}>
          {x.app.heartbeat.text}
        </p>
      )}
      {decoding && <DecodingNote decoding={decoding} />}
    </section>
  );
}

/** A goodbye from a file: its code, name and reason, as far as it has them. */
function filedText(a: CloseLogApplicationClose): string {
  const said = [a.code, a.name, a.reason === undefined ? undefined : JSON.stringify(a.reason)];
  return said.filter((p) => p !== undefined && p !== '').join(' ') || a.protocol;
}

function decodedCount(decoding: SocketDecoding | null, s: SocketRecord): string {
  const n = decoding?.decodedHeld(s.messages) ?? 0;
  return n === 1 ? 'one message' : `${n.toLocaleString('en-US')} messages`;
}
