import { useRef, useState } from 'preact/hooks';
import { useModel } from './model/model-context';
import { useDismiss } from './use-dismiss';

/** Settings for the preview caps: how many message previews the panel keeps. */
export function LimitsDialog({ onClose }: { onClose(): void }) {
  const model = useModel();
  const limits = model.prefs.value.limits;
  const [perSocket, setPerSocket] = useState(String(limits.perSocket));
  const [total, setTotal] = useState(String(limits.total));
  const root = useRef<HTMLDivElement>(null);
  useDismiss(root, true, onClose);
  const valid = [perSocket, total].every((v) => /^\d+$/.test(v) && Number(v) > 0);
  return (
    <div class="dialog" role="dialog" aria-label="Message preview limits" ref={root}>
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
          onClick={() => {
            model.setLimits({ ...limits, perSocket: Number(perSocket), total: Number(total) });
            onClose();
          }}
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
