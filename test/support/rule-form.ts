import type { PageDriver } from './driver/driver';
import { until } from './until';

/** The specs' expect timeout. */
const WAIT_MS = 10_000;

export type RuleAction =
  | { kind: 'block' }
  | { kind: 'pause' }
  | { kind: 'delay'; ms: number }
  | { kind: 'replace'; find: string; replace: string };

export interface RuleInput {
  url: string;
  dir: 'sent' | 'received';
  contains: string;
  action: RuleAction;
}

/** Opens the Rules area and deletes every rule: rules are kept per site, and pages share a server. */
export async function openEmptyRules(panel: PageDriver): Promise<void> {
  await panel.click('button.rules-toggle');
  await until(
    async () => (await panel.count('[data-testid="rules-area"][data-loaded="true"]')) === 1,
    'timed out: the Rules area loaded',
    WAIT_MS,
  );
  while ((await panel.count('[data-testid="rule"]')) > 0)
    await panel.click({ css: '[data-testid="rule"] button', text: 'Delete' });
}

/** Adds a rule through the Rules area's form: URL glob, direction, "contains" text, and an action. */
export async function addRule(panel: PageDriver, rule: RuleInput): Promise<void> {
  await panel.click({ css: '.rules-head button', text: 'Add rule' });
  await panel.fill('input[aria-label="URL pattern"]', rule.url);
  await panel.select('select[aria-label="Direction"]', rule.dir);
  await panel.fill('input[aria-label="Contains"]', rule.contains);
  const a = rule.action;
  await panel.select('select[aria-label="Action"]', a.kind);
  if (a.kind === 'replace') {
    await panel.fill('input[aria-label="Find"]', a.find);
    await panel.fill('input[aria-label="Replace with"]', a.replace);
  } else if (a.kind === 'delay') {
    await panel.fill('input[aria-label="Delay in ms"]', String(a.ms));
  }
  await panel.click({ css: '.rule-form button', text: 'Save rule' });
  await until(
    async () => (await panel.count('[data-testid="rule-form"]')) === 0,
    `the rule for ${rule.url} saved`,
  );
}
