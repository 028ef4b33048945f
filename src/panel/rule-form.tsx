import { useState } from 'preact/hooks';
import { compileRule } from '../intercept/compile-rule';
import type { RuleError } from '../intercept/compile-rule';
import type { InterceptRule, RuleAction, RuleCondition } from '../protocol/intercept-rules';

/** A new rule's starting point: every socket, sent messages containing some text, blocked. */
export function blankRule(id: string): InterceptRule {
  return {
    id,
    enabled: true,
    url: { kind: 'glob', pattern: '*' },
    direction: 'sent',
    condition: { kind: 'contains', text: '' },
    action: { kind: 'block' },
  };
}

const CONDITIONS: Record<RuleCondition['kind'], RuleCondition> = {
  any: { kind: 'any' },
  contains: { kind: 'contains', text: '' },
  regex: { kind: 'regex', pattern: '', flags: '' },
  json: { kind: 'json', path: '', value: '' },
};
const ACTIONS: Record<RuleAction['kind'], RuleAction> = {
  block: { kind: 'block' },
  replace: { kind: 'replace', find: '', replace: '' },
  'regex-replace': { kind: 'regex-replace', pattern: '', flags: '', replace: '' },
  'merge-patch': { kind: 'merge-patch', patch: '{}' },
  delay: { kind: 'delay', ms: 1000 },
  pause: { kind: 'pause' },
};

/**
 * Adds or edits one rule. Its errors show under the part that is wrong as it is typed, and Save
 * waits until there are none.
 */
export function RuleForm({
  initial,
  onSave,
  onCancel,
}: {
  initial: InterceptRule;
  onSave(rule: InterceptRule): void;
  onCancel(): void;
}) {
  const [rule, setRule] = useState(initial);
  const compiled = compileRule(rule);
  const errors: readonly RuleError[] = 'errors' in compiled ? compiled.errors : [];
  const errorAt = (field: RuleError['field']) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => (
        <p class="rule-error" role="alert" key={e.message}>
          {e.message}
        </p>
      ));
  const c = rule.condition;
  const a = rule.action;
  const setCondition = (condition: RuleCondition) => setRule({ ...rule, condition });
  const setAction = (action: RuleAction) => setRule({ ...rule, action });
  return (
    <form
      class="rule-form"
      data-testid="rule-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (errors.length === 0) onSave(rule);
      }}
    >
      <div class="rule-field">
        <label>
          Socket URL
          <span class="rule-row">
            <select
              aria-label="URL pattern kind"
              value={rule.url.kind}
              onChange={(e) =>
                setRule({ ...rule, url: { ...rule.url, kind: e.currentTarget.value as 'glob' | 'regex' } })
              }
            >
              <option value="glob">glob</option>
              <option value="regex">regex</option>
            </select>
            <Text
              label="URL pattern"
              value={rule.url.pattern}
              onText={(pattern) => setRule({ ...rule, url: { ...rule.url, pattern } })}
            />
          </span>
        </label>
        {errorAt('url')}
      </div>
      <label>
        Direction
        <select
          aria-label="Direction"
          value={rule.direction}
          onChange={(e) =>
            setRule({ ...rule, direction: e.currentTarget.value as InterceptRule['direction'] })
          }
        >
          <option value="sent">sent</option>
          <option value="received">received</option>
          <option value="both">both</option>
        </select>
      </label>
      <div class="rule-field">
        <label>
          When
          <span class="rule-row">
            <select
              aria-label="Condition"
              value={c.kind}
              onChange={(e) => setCondition(CONDITIONS[e.currentTarget.value as RuleCondition['kind']])}
            >
              <option value="any">every message</option>
              <option value="contains">text contains</option>
              <option value="regex">text matches regex</option>
              <option value="json">JSON path</option>
            </select>
            {c.kind === 'contains' && (
              <Text label="Contains" value={c.text} onText={(text) => setCondition({ ...c, text })} />
            )}
            {c.kind === 'regex' && (
              <>
                <Text
                  label="Condition regex"
                  value={c.pattern}
                  onText={(pattern) => setCondition({ ...c, pattern })}
                />
                <Text
                  label="Condition flags"
                  flags
                  value={c.flags}
                  onText={(flags) => setCondition({ ...c, flags })}
                />
              </>
            )}
            {c.kind === 'json' && (
              <>
                <Text
                  label="JSON path"
                  placeholder="$.type"
                  value={c.path}
                  onText={(path) => setCondition({ ...c, path })}
                />
                <Text
                  label="JSON value"
                  placeholder='"join" (empty: exists)'
                  value={c.value}
                  onText={(value) => setCondition({ ...c, value })}
                />
              </>
            )}
          </span>
        </label>
        {errorAt('condition')}
      </div>
      <div class="rule-field">
        <label>
          Action
          <span class="rule-row">
            <select
              aria-label="Action"
              value={a.kind}
              onChange={(e) => setAction(ACTIONS[e.currentTarget.value as RuleAction['kind']])}
            >
              <option value="block">block</option>
              <option value="replace">replace text</option>
              <option value="regex-replace">regex replace</option>
              <option value="merge-patch">JSON merge patch</option>
              <option value="delay">delay</option>
              <option value="pause">pause (breakpoint)</option>
            </select>
            {a.kind === 'replace' && (
              <>
                <Text label="Find" value={a.find} onText={(find) => setAction({ ...a, find })} />
                <Text
                  label="Replace with"
                  value={a.replace}
                  onText={(replace) => setAction({ ...a, replace })}
                />
              </>
            )}
            {a.kind === 'regex-replace' && (
              <>
                <Text
                  label="Action regex"
                  value={a.pattern}
                  onText={(pattern) => setAction({ ...a, pattern })}
                />
                <Text
                  label="Action flags"
                  flags
                  value={a.flags}
                  onText={(flags) => setAction({ ...a, flags })}
                />
                <Text
                  label="Replace with"
                  value={a.replace}
                  onText={(replace) => setAction({ ...a, replace })}
                />
              </>
            )}
            {a.kind === 'merge-patch' && (
              <Text label="Merge patch" value={a.patch} onText={(patch) => setAction({ ...a, patch })} />
            )}
            {a.kind === 'delay' && (
              <input
                aria-label="Delay in ms"
                type="number"
                min={0}
                max={60000}
                value={a.ms}
                onInput={(e) =>
                  setAction({
                    ...a,
                    ms: Math.max(0, Math.min(60_000, Math.round(+e.currentTarget.value || 0))),
                  })
                }
              />
            )}
          </span>
        </label>
        {errorAt('action')}
      </div>
      <span class="rule-row">
        <button type="submit" disabled={errors.length > 0}>
          Save rule
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}

/** One text input of the form, named for assistive technology by `label`. */
function Text(props: {
  label: string;
  value: string;
  onText(value: string): void;
  flags?: boolean;
  placeholder?: string;
}) {
  return (
    <input
      aria-label={props.label}
      class={props.flags ? 'flags' : undefined}
      placeholder={props.placeholder}
      value={props.value}
      onInput={(e) => props.onText(e.currentTarget.value)}
    />
  );
}
