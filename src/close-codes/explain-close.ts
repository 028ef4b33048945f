import { describeCode } from './describe-code';
import { injectedCloseContext } from './injected-close';
import { initiatorOf } from './initiator';
import { isAbnormal } from './is-abnormal';
import { pageCloseContext } from './page-close';
import { remoteCloseContext } from './remote-close';
import type { CloseExplanation, CloseFacts } from './types';

/** One observed close explained in context: who ended it, whether it stands out, and why. */
export function explainClose(facts: CloseFacts): CloseExplanation {
  const info = describeCode(facts.code);
  const { headline, context } = facts.injected
    ? injectedCloseContext(facts, facts.injected, info)
    : facts.closeCall
      ? pageCloseContext(facts, facts.closeCall, info)
      : remoteCloseContext(facts, info);
  return {
    info,
    initiator: initiatorOf(facts),
    abnormal: isAbnormal({ code: facts.code, wasClean: facts.wasClean, injected: Boolean(facts.injected) }),
    headline,
    context,
  };
}
