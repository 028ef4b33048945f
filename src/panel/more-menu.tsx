import type { ComponentChildren } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import { copyText } from './clipboard';
import { ColumnChooser } from './column-chooser';
import { DeepCaptureSwitch } from './deep-capture-switch';
import { LimitsDialog } from './limits-dialog';
import { diagnosticsReport } from './model/diagnostics-report';
import { useModel } from './model/model-context';
import { SecretNamesDialog } from './secret-names-dialog';
import { PreserveLog, TimelineToggle } from './toolbar';
import { useAnchoredMenu } from './use-anchored-menu';
import { useDismiss } from './use-dismiss';

type Open = 'menu' | 'columns' | 'limits' | 'secrets' | null;

/**
 * "More": settings and tools used now and then (columns, preview limits, debug logging,
 * diagnostics), and, when the panel is narrow, the toolbar controls that no longer fit.
 */
export function MoreMenu({ narrow, tools }: { narrow: boolean; tools?: ComponentChildren }) {
  const model = useModel();
  const [open, setOpen] = useState<Open>(null);
  const [copied, setCopied] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(null), []);
  useDismiss(root, open === 'menu', close);
  const place = useAnchoredMenu(button, menu, open === 'menu');
  const copyDiagnostics = () =>
    void copyText(diagnosticsReport(model, navigator.userAgent)).then(
      () => setCopied(true),
      (e: unknown) => model.diagnostics.report('clipboard', 'Copying the diagnostics failed', e),
    );
  return (
    <div class="more" ref={root}>
      <button
        ref={button}
        type="button"
        class="menu-button"
        aria-haspopup="menu"
        aria-expanded={open === 'menu'}
        aria-label="More tools and settings"
        title="More tools and settings"
        onClick={() => setOpen(open === 'menu' ? null : 'menu')}
      >
        ⋯
      </button>
      {open === 'menu' && (
        <div class="menu" role="menu" aria-label="More" ref={menu} style={place}>
          {narrow && (
            <div class="menu-group">
              {model.isLive && <PreserveLog />}
              <DeepCaptureSwitch />
              <TimelineToggle />
              {tools}
            </div>
          )}
          <button type="button" role="menuitem" onClick={() => setOpen('columns')}>
            Columns…
          </button>
          <button type="button" role="menuitem" onClick={() => setOpen('limits')}>
            Message preview limits…
          </button>
          <button type="button" role="menuitem" onClick={() => setOpen('secrets')}>
            Secret names (redaction)…
          </button>
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={model.prefs.value.debug}
            onClick={() => model.setPrefs({ debug: !model.prefs.value.debug })}
          >
            {model.prefs.value.debug ? '☑' : '☐'} Debug logging (to the console)
          </button>
          <button type="button" role="menuitem" onClick={copyDiagnostics}>
            {copied ? 'Diagnostics copied' : 'Copy diagnostics'}
          </button>
        </div>
      )}
      {open === 'columns' && <ColumnChooser at={null} onClose={close} />}
      {open === 'limits' && <LimitsDialog onClose={close} />}
      {open === 'secrets' && <SecretNamesDialog onClose={close} />}
    </div>
  );
}
