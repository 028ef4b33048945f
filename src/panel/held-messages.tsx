import { useState } from 'preact/hooks';
import type { HeldMessage, InterceptModel } from './model/intercept-model';

/**
 * The messages breakpoints hold, oldest first: each waits here, and later messages of its socket
 * wait behind it in the page, until Forward, Edit (then Forward edited) or Drop.
 */
export function HeldMessages({ intercept }: { intercept: InterceptModel }) {
  const held = intercept.held.value;
  if (held.length === 0) return null;
  return (
    <section class="held-messages" aria-label="Held messages" data-testid="held-messages">
      <strong>
        {held.length} held {held.length === 1 ? 'message' : 'messages'}
      </strong>
      <ul>
        {held.map((h) => (
          <HeldRow key={h.key} h={h} intercept={intercept} />
        ))}
      </ul>
    </section>
  );
}

function HeldRow({ h, intercept }: { h: HeldMessage; intercept: InterceptModel }) {
  const [draft, setDraft] = useState<string | null>(null);
  return (
    <li class="held" data-testid="held">
      <span class="held-what">
        {h.dir === 'sent' ? '↑' : '↓'} socket {h.socket} · rule {h.rule}
      </span>
      {draft === null ? (
        <code class="held-text" title={h.text ?? undefined}>
          {h.text ?? '(binary or too large to edit)'}
        </code>
      ) : (
        <textarea
          aria-label="Edited message"
          value={draft}
          onInput={(e) => setDraft(e.currentTarget.value)}
        />
      )}
      <span class="rule-row">
        {draft === null ? (
          <>
            <button type="button" onClick={() => intercept.decide(h, 'forward')}>
              Forward
            </button>
            {h.text !== null && (
              <button type="button" onClick={() => setDraft(h.text)}>
                Edit
              </button>
            )}
          </>
        ) : (
          <button type="button" onClick={() => intercept.decide(h, 'edit', draft)}>
            Forward edited
          </button>
        )}
        <button type="button" onClick={() => intercept.decide(h, 'drop')}>
          Drop
        </button>
      </span>
    </li>
  );
}
