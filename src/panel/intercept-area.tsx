import { useState } from 'preact/hooks';
import type { InterceptRule } from '../protocol/intercept-rules';
import { HeldMessages } from './held-messages';
import { useModel } from './model/model-context';
import type { InterceptModel } from './model/intercept-model';
import { RuleForm, blankRule } from './rule-form';
import { ruleText } from './rule-text';

/**
 * Interception above the list: the messages breakpoints hold, always, and the site's rules when
 * the Rules area is open. A live tab's only.
 */
export function InterceptArea() {
  const intercept = useModel().intercept;
  if (!intercept) return null;
  return (
    <>
      <HeldMessages intercept={intercept} />
      {intercept.shown.value && <RulesArea intercept={intercept} />}
    </>
  );
}

/** The toolbar's way into the Rules area, saying how many rules run. */
export function RulesToggle() {
  const intercept = useModel().intercept;
  if (!intercept) return null;
  const active = intercept.activeCount.value;
  return (
    <button
      type="button"
      class={intercept.shown.value ? 'active rules-toggle' : 'rules-toggle'}
      aria-pressed={intercept.shown.value}
      title="Interception rules: block, rewrite, delay or pause messages of this site"
      onClick={() => (intercept.shown.value = !intercept.shown.value)}
    >
      Rules{active > 0 && <span class="rules-active"> · {active} on</span>}
    </button>
  );
}

function RulesArea({ intercept }: { intercept: InterceptModel }) {
  const [editing, setEditing] = useState<InterceptRule | null>(null);
  const rules = intercept.rules.value;
  const errors = intercept.errors.value;
  const anyOn = rules.some((r) => r.enabled);
  return (
    <section
      class="rules-area"
      aria-label="Interception rules"
      data-testid="rules-area"
      data-loaded={intercept.loaded.value}
    >
      <div class="rules-head">
        <strong>Rules for this site</strong>
        <button type="button" onClick={() => setEditing(blankRule(newId(rules)))}>
          Add rule
        </button>
        <button type="button" disabled={!anyOn} onClick={() => intercept.disableAll()}>
          Disable all
        </button>
      </div>
      {intercept.status.value && <p class="rule-error">{intercept.status.value}</p>}
      {editing && (
        <RuleForm
          key={editing.id}
          initial={editing}
          onCancel={() => setEditing(null)}
          onSave={(rule) => {
            intercept.save(rule);
            setEditing(null);
          }}
        />
      )}
      {rules.length === 0 && !editing && (
        <p class="muted">No rules. Rules run while DevTools is open on this tab.</p>
      )}
      <ul class="rules-list">
        {rules.map((r) => (
          <li key={r.id} class={r.enabled ? 'rule' : 'rule off'} data-testid="rule">
            <label class="rule-toggle">
              <input
                type="checkbox"
                checked={r.enabled}
                aria-label={`Rule ${r.id} on`}
                onChange={(e) => intercept.setEnabled(r.id, e.currentTarget.checked)}
              />
            </label>
            <span class="rule-text" title={ruleText(r)}>
              {ruleText(r)}
            </span>
            <button type="button" class="link" onClick={() => setEditing(r)}>
              Edit
            </button>
            <button type="button" class="link" onClick={() => intercept.remove(r.id)}>
              Delete
            </button>
            {errors.get(r.id)?.map((e) => (
              <p class="rule-error" role="alert" key={e.message}>
                {e.message}
              </p>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The next free `rule-N`. */
function newId(rules: readonly InterceptRule[]): string {
  let n = rules.length + 1;
  while (rules.some((r) => r.id === `rule-${n}`)) n++;
  return `rule-${n}`;
}
