import type { InterceptMark } from '../protocol/recorder-events';

const WHAT: Record<InterceptMark['outcome'], string> = {
  blocked: 'blocked by a rule: it never reached the server or the page',
  rewritten: 'rewritten by a rule',
  delayed: 'delayed by a rule',
  forwarded: 'held at a breakpoint, then forwarded as it was',
  edited: 'held at a breakpoint and edited',
  dropped: 'dropped: it never reached the server or the page',
};

/** An intercepted message's mark: the outcome, with the rule and the original text on hover. */
export function InterceptBadge({ mark, long = false }: { mark: InterceptMark; long?: boolean }) {
  const title =
    `${WHAT[mark.outcome]}${mark.rule ? ` (rule ${mark.rule})` : ''}` +
    (mark.original === null ? '' : `. Original: ${mark.original}`);
  return (
    <span class={`m-intercept ${mark.outcome}`} title={title} data-testid="intercept-mark">
      ◆ {mark.outcome}
      {long && mark.original !== null && <span class="m-original"> · original: {mark.original}</span>}
    </span>
  );
}
