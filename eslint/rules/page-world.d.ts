import type { Rule } from 'eslint';

/** The page-world plugin: its rule `no-unsafe-builtins`, for the rule's unit test. */
declare const plugin: { rules: { 'no-unsafe-builtins': Rule.RuleModule } };
export default plugin;
