import type { InterceptRule } from '../../../src/protocol/intercept-rules';

/** A rule for every socket and message, both ways, that blocks: tests change what they need. */
export function rule(over: Partial<InterceptRule> = {}): InterceptRule {
  return {
    id: 'r',
    enabled: true,
    url: { kind: 'glob', pattern: '*' },
    direction: 'both',
    condition: { kind: 'any' },
    action: { kind: 'block' },
    ...over,
  };
}
