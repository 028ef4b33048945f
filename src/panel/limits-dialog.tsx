import { useState } from 'preact/hooks';
import type { PreviewLimits } from '../log/preview-limits';

/** Settings for the preview caps: how many message previews the panel keeps. */
export function LimitsDialog({
  limits,
  onApply,
  onClose,
}: {
  limits: PreviewLimits;
  onApply(limits: PreviewLimits): void;
  onClose(): void;
}) {
  const [perSocket, setPerSocket] = useState(String(limits.perSocket));
  const [total, setTotal] = useState(String(limits.total));
  const valid = [perSocket, total].every((v) => /^\d+$/.test(v) && Number(v) > 0);
  return (
    <div class="dialog" role="dialog" aria-label="Message preview limits">
      <p>
        Message previews kept in this panel. Beyond these, the oldest previews are dropped; message counts and
        byte totals stay exact.
      </p>
      <label>
        Per socket{' '}
        <input type="number" min={1} value={perSocket} onInput={(e) => setPerSocket(e.currentTarget.value)} />
      </label>
      <label>
        In total{' '}
        <input type="number" min={1} value={total} onInput={(e) => setTotal(e.currentTarget.value)} />
      </label>
      <div class="dialog-buttons">
        <button
          type="button"
          disabled={!valid}
          onClick={() => onApply({ ...limits, perSocket: Number(perSocket), total: Number(total) })}
        >
          Apply
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </div>
  );
}
