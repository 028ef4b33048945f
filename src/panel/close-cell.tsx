import type { CloseExplanation } from '../close-codes/types';

/**
 * Severity of a row for the eye: 1006 above all, then other abnormal closes, then the rest. A close
 * the tester injected has a tone of its own: never red, never mistaken for a real one.
 */
export function closeTone(
  x: CloseExplanation | null,
): 'none' | 'ok' | 'warn' | 'abnormal' | 'abnormal-1006' | 'injected' {
  if (!x) return 'none';
  if (x.initiator === 'tester') return 'injected';
  if (x.abnormal) return x.info.code === 1006 ? 'abnormal-1006' : 'abnormal';
  return x.info.severity === 'warn' ? 'warn' : 'ok';
}

const ICON = { none: '', ok: '✓', warn: '!', abnormal: '✕', 'abnormal-1006': '✕', injected: '⚑' } as const;
const LABEL = {
  none: '',
  ok: 'normal',
  warn: 'app-defined',
  abnormal: 'abnormal',
  'abnormal-1006': 'abnormal',
  injected: 'injected',
} as const;

/** Code plus an icon and a word, so colour is never the only signal. */
export function CloseCodeCell({ x }: { x: CloseExplanation | null }) {
  const tone = closeTone(x);
  if (!x) return <span class="muted">—</span>;
  return (
    <span class={`code tone-${tone}`} title={LABEL[tone]}>
      <span class="code-icon" aria-hidden="true">
        {ICON[tone]}
      </span>
      <span class="code-number">{x.info.code}</span>
      {(x.abnormal || tone === 'injected') && <span class="code-flag">{LABEL[tone]}</span>}
    </span>
  );
}
