import type { InterceptRule } from '../protocol/intercept-rules';
import { compileRule } from './compile-rule';
import type { CompiledRule, RuleError } from './compile-rule';

/**
 * A list of rules as the page runs it: the enabled ones that compile, in order (the first that
 * takes a message decides it), and the errors of the others, by rule id, for the panel.
 */
export function compileRules(rules: readonly InterceptRule[]): {
  active: CompiledRule[];
  errors: { id: string; errors: RuleError[] }[];
} {
  const active: CompiledRule[] = [];
  const errors: { id: string; errors: RuleError[] }[] = [];
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i];
    if (rule === undefined) continue;
    const compiled = compileRule(rule);
    if ('errors' in compiled) errors[errors.length] = { id: rule.id, errors: compiled.errors };
    else if (rule.enabled) active[active.length] = compiled;
  }
  return { active, errors };
}
