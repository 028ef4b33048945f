import type { InterceptRule } from '../protocol/intercept-rules';

/** One line saying what a rule does, for the list: "sent · contains "ping" → block". */
export function ruleText(r: InterceptRule): string {
  const dir = r.direction === 'both' ? 'both ways' : r.direction;
  const c = r.condition;
  const when =
    c.kind === 'any'
      ? 'every message'
      : c.kind === 'contains'
        ? `contains ${JSON.stringify(c.text)}`
        : c.kind === 'regex'
          ? `matches /${c.pattern}/${c.flags}`
          : `${c.path}${c.value === '' ? ' exists' : ` = ${c.value}`}`;
  const a = r.action;
  const does =
    a.kind === 'block'
      ? 'block'
      : a.kind === 'pause'
        ? 'pause (breakpoint)'
        : a.kind === 'delay'
          ? `delay ${a.ms} ms`
          : a.kind === 'replace'
            ? `replace ${JSON.stringify(a.find)} with ${JSON.stringify(a.replace)}`
            : a.kind === 'regex-replace'
              ? `replace /${a.pattern}/${a.flags} with ${JSON.stringify(a.replace)}`
              : `merge patch ${a.patch}`;
  return `${r.url.pattern} · ${dir} · ${when} → ${does}`;
}
