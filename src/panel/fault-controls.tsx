import { useState } from 'preact/hooks';
import { closeArgsError } from '../protocol/inject-command';
import type { injectCommand } from '../protocol/inject-command';
import type { SocketRecord } from '../log/socket-record';

export type InjectRequest = Parameters<typeof injectCommand>[2];
export type OnInject = (socket: SocketRecord, request: InjectRequest) => void;

interface Props {
  socket: SocketRecord;
  onInject: OnInject;
}

/**
 * The tester's fault controls for a live open socket: close it with a chosen code as if the page
 * had, or simulate a dropped connection. Both are recorded as injected, never as real closes.
 */
export function FaultControls({ socket, onInject }: Props) {
  const [code, setCode] = useState('4000');
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<string | null>(null);
  const error = code.trim() === '' ? 'Enter a close code.' : closeArgsError(Number(code), reason);
  const send = (request: InjectRequest, what: string) => {
    onInject(socket, request);
    setSent(what);
  };
  return (
    <fieldset class="fault-controls" aria-label="Fault controls">
      <legend>Fault controls (for testing: logged as injected by the tester)</legend>
      <label>
        Code{' '}
        <input
          type="number"
          min={1000}
          max={4999}
          value={code}
          aria-invalid={error !== null}
          onInput={(e) => setCode(e.currentTarget.value)}
          aria-label="Injected close code"
        />
      </label>
      <label>
        Reason{' '}
        <input
          type="text"
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
          aria-label="Injected close reason"
          placeholder="optional"
        />
      </label>
      <button
        type="button"
        disabled={error !== null}
        onClick={() => send({ action: 'close', code: Number(code), reason }, `close(${code}) sent`)}
      >
        Close socket
      </button>
      <span class="divider" />
      <button
        type="button"
        onClick={() => send({ action: 'drop' }, 'drop sent')}
        title="Tear the connection down; the page sees 1006, wasClean false"
      >
        Simulate drop
      </button>
      {error ? (
        <span class="error-text" role="alert">
          {error}
        </span>
      ) : (
        sent && (
          <span class="muted" role="status">
            {sent}; waiting for the page…
          </span>
        )
      )}
    </fieldset>
  );
}
