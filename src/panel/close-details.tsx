import { closeCallText, injectionText } from '../close-codes/close-call-text';
import { handshakeText, notableHandshake } from '../close-codes/handshake-report';
import { describeWireReport, isWireNotable } from '../close-codes/wire-report';
import type { SocketRecord } from '../log/socket-record';
import { AppSaid } from './app-said';
import { CloseCodeCell } from './close-cell';
import { DecodeAsSelect } from './decode-as-select';
import { FaultControls } from './fault-controls';
import { formatBytes, formatClock, formatDuration } from './format';
import { useModel } from './model/model-context';

/** Everything known about the selected socket, and the full explanation of its close. */
export function CloseDetails({ socket: s }: { socket: SocketRecord }) {
  const model = useModel();
  const x = model.protocols.selectedExplanation.value;
  const detection = model.protocols.detections.value.of(s);
  const inj = s.injected;
  const since = (t: number | null) => (t === null ? '' : ` (+${formatDuration(t - s.createdAt)})`);
  const hs = notableHandshake(s);
  return (
    <div class="details-body">
      {model.isLive && s.state === 'open' && <FaultControls socket={s} />}
      <dl class="facts">
        <dt>URL</dt>
        <dd>{s.url}</dd>
        {s.worker ? (
          <>
            <dt>Worker</dt>
            <dd data-testid="worker">
              {s.worker.kind} worker {s.worker.url}
            </dd>
          </>
        ) : (
          <>
            <dt>Frame</dt>
            <dd>{s.frameUrl}</dd>
          </>
        )}
        <dt>Subprotocols</dt>
        <dd>
          requested {s.protocols.length ? s.protocols.join(', ') : 'none'}; negotiated {s.protocol || 'none'}
        </dd>
        <dt>Protocol</dt>
        <dd data-testid="app-protocol">
          {detection ? (
            <>
              {detection.protocol.name} <span class="muted">({detection.evidence})</span>
            </>
          ) : (
            <span class="muted">none recognised</span>
          )}{' '}
          <DecodeAsSelect socket={s} />
        </dd>
        <dt>Extensions</dt>
        <dd>{s.extensions || 'none'}</dd>
        <dt>Created</dt>
        <dd>{formatClock(s.createdAt)}</dd>
        <dt>Opened</dt>
        <dd>{s.openedAt === null ? 'never' : formatClock(s.openedAt) + since(s.openedAt)}</dd>
        {hs && (
          <>
            <dt>Handshake</dt>
            <dd data-testid="handshake">
              {handshakeText(hs)}
              <span class="muted"> (reported by the browser at {formatClock(hs.at)})</span>
            </dd>
          </>
        )}
        {s.wire && isWireNotable(s.wire) && (
          <>
            <dt>Chromium said</dt>
            <dd data-testid="wire">
              {s.wire.statusCode !== null &&
                `HTTP ${s.wire.statusCode}${s.wire.statusText ? ` ${s.wire.statusText}` : ''}: `}
              {s.wire.error ?? describeWireReport(s.wire)}
              <span class="muted"> (DevTools protocol, deep capture, at {formatClock(s.wire.at)})</span>
            </dd>
          </>
        )}
        {s.closeCall && (
          <>
            <dt>Page called</dt>
            <dd>
              {closeCallText(s.closeCall.code, s.closeCall.reason)} at {formatClock(s.closeCall.at)}
              {since(s.closeCall.at)}
            </dd>
          </>
        )}
        {inj && (
          <>
            <dt>Injected</dt>
            <dd class="injected-fact" data-testid="injected">
              by the tester: {injectionText(inj)} at {formatClock(inj.at)}
            </dd>
          </>
        )}
        {s.errorAt !== null && (
          <>
            <dt>Error event</dt>
            <dd>{formatClock(s.errorAt) + since(s.errorAt)}</dd>
          </>
        )}
        <dt>Sent</dt>
        <dd>
          {s.sent.messages.toLocaleString('en-US')} messages, {formatBytes(s.sent.bytes)}
        </dd>
        <dt>Received</dt>
        <dd>
          {s.received.messages.toLocaleString('en-US')} messages, {formatBytes(s.received.bytes)}
        </dd>
        {s.tester.sent.messages + s.tester.injected.messages > 0 && (
          <>
            <dt>By tester</dt>
            <dd class="tester-fact">{testerText(s.tester)}</dd>
          </>
        )}
      </dl>
      {s.close && x ? (
        <div class="close-box">
          <h3>
            <CloseCodeCell x={x} /> {x.info.name}
          </h3>
          <p class="headline">{x.headline}</p>
          <div class="close-sides">
            <section class="close-side" aria-label="What the browser reported">
              <h4>What the browser reported</h4>
              <p>
                {x.info.code} {x.generic.name}
                <span class="muted">
                  {' '}
                  · wasClean {String(s.close.wasClean)} · closed by {x.initiator} at {formatClock(s.close.at)}
                </span>
              </p>
              {s.close.reason !== '' && (
                <p class="reason">
                  Reason: <q>{s.close.reason}</q>
                </p>
              )}
            </section>
            {x.protocol && <AppSaid x={x} protocol={x.protocol} socket={s} />}
          </div>
          {x.context.map((d, i) => (
            <p key={i}>{d}</p>
          ))}
          <h4>
            What {x.info.code} means{x.protocolCode && x.protocol ? ` for ${x.protocol.name}` : ''}
          </h4>
          <p>{x.info.meaning}</p>
          {x.protocolCode && <p class="muted">In general: {x.generic.summary}.</p>}
          <h4>Who sends it</h4>
          <p>{x.info.sentBy}</p>
          {/* An injected close has no causes to look for: the tester was the cause. */}
          {x.initiator !== 'tester' && (
            <>
              <h4>Likely causes</h4>
              <ul>
                {x.info.causes.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
              <h4>What to check</h4>
              <ul>
                {x.info.checks.map((c, i) => (
                  <li key={i}>{c}</li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <p class="muted">Still {s.state}: no close event yet.</p>
      )}
    </div>
  );
}

/** What the tester sent and injected, counted apart from the page's own messages. */
function testerText({ sent, injected }: SocketRecord['tester']): string {
  const n = (t: { messages: number; bytes: number }) =>
    `${t.messages.toLocaleString('en-US')} (${formatBytes(t.bytes)})`;
  return `sent ${n(sent)}, injected ${n(injected)}`;
}
