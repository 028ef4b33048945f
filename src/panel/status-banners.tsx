import { useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { DeepCaptureBanner } from './deep-capture-switch';
import { diagnosticsReport } from './model/diagnostics-report';
import { useModel } from './model/model-context';

/** What the user must know about the panel itself: paused, cut off, or something failed. */
export function StatusBanners() {
  const model = useModel();
  const log = model.log.value;
  const link = model.linkStatus.value;
  const failures = model.diagnostics.entries.value;
  const [copied, setCopied] = useState(false);
  return (
    <>
      <DeepCaptureBanner />
      {log.pausedSince !== null && (
        <p class="banner" role="status">
          Recording paused: new sockets are not recorded. Sockets already listed keep exact counts when you
          resume.
        </p>
      )}
      {link.state === 'failed' && (
        <p class="banner banner-error" role="alert" data-testid="link-failed">
          The panel lost the extension ({link.error}): it was reloaded, updated or removed. Close and reopen
          DevTools to record again; what is listed stays.
        </p>
      )}
      {failures.length > 0 && (
        <p class="banner banner-error" role="alert" data-testid="diagnostics">
          {failures.length === 1 ? 'A problem' : `${failures.length} problems`}:{' '}
          {failures[failures.length - 1]?.message}{' '}
          <button
            type="button"
            class="link"
            onClick={() =>
              void copyText(diagnosticsReport(model, navigator.userAgent)).then(() => setCopied(true))
            }
          >
            {copied ? 'Copied' : 'Copy diagnostics'}
          </button>{' '}
          <button type="button" class="link" onClick={() => model.diagnostics.dismiss()}>
            Dismiss
          </button>
        </p>
      )}
    </>
  );
}
