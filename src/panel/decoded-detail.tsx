import type { Decoded, Protocol } from '../protocols';
import { JsonTree } from './json-tree';

/** One message as its protocol reads it: type, event, flags, what a goodbye means, the tree. */
export function DecodedDetail({ protocol, decoded: d }: { protocol: Protocol; decoded: Decoded }) {
  return (
    <section class="decoded-detail" aria-label="Decoded message">
      <h4>
        {protocol.name}: <code data-testid="decoded-summary">{d.summary}</code>
      </h4>
      <p class="muted">
        type {d.type}
        {d.event !== undefined && ` · event ${d.event}`}
        {d.heartbeat && ` · heartbeat (${d.heartbeat})`}
      </p>
      {d.partial && (
        <p class="note">
          Decoded from a truncated preview: this is what the preview holds; the rest is unknown.
        </p>
      )}
      {d.error !== undefined && <p class="error-text">{d.error}</p>}
      {d.goodbye && <p class="goodbye-text">Goodbye: {d.goodbye.explanation}</p>}
      {d.tree !== undefined && <JsonTree value={d.tree} />}
      {d.parts?.map((part, i) => (
        <div key={i} class="decoded-part">
          <p>
            <code>{part.summary}</code>
          </p>
          {part.tree !== undefined && <JsonTree value={part.tree} />}
        </div>
      ))}
    </section>
  );
}
