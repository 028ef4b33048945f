import type { Decoded } from '../protocols';

/** A message's decoded summary in the log: goodbyes, heartbeats and errors told apart, not by colour alone. */
export function DecodedCell({ decoded: d }: { decoded: Decoded | undefined }) {
  if (!d)
    return (
      <span class="m-decoded muted" title="Dropped before it could be decoded">
        —
      </span>
    );
  const tone = d.error !== undefined ? 'error' : d.goodbye ? 'goodbye' : d.heartbeat ? 'heartbeat' : '';
  return (
    <span class={`m-decoded ${tone}`} title={d.summary}>
      {d.goodbye && <span class="m-flag">goodbye</span>}
      {d.partial && (
        <span class="m-flag" title="Decoded from a truncated preview: the rest of the message is unknown">
          partial
        </span>
      )}
      {d.summary}
    </span>
  );
}
