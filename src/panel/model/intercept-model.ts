import { computed, effect, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { compileRule } from '../../intercept/compile-rule';
import type { RuleError } from '../../intercept/compile-rule';
import { holdDecisionCommand } from '../../protocol/intercept-command';
import type { HoldDecision, InterceptCommand } from '../../protocol/intercept-command';
import { MAX_RULES, isInterceptRules } from '../../protocol/intercept-rules';
import type { InterceptRule } from '../../protocol/intercept-rules';
import type { PanelMessage } from '../../protocol/runtime-messages';
import { originOf } from './saved-messages';
import type { ExtensionStorage } from './saved-messages';

/** A message a breakpoint holds in a frame of the tab, waiting for a decision here. */
export interface HeldMessage {
  /** `frameId:doc:hold`, unique in the tab. */
  key: string;
  frameId: number;
  doc: string;
  socket: number;
  hold: number;
  dir: 'sent' | 'received';
  rule: string;
  /** The whole text, to edit; null when it cannot be edited (binary, or too large). */
  text: string | null;
}

export interface InterceptDeps {
  storage: ExtensionStorage;
  /** The inspected tab's top document: its origin names the site's rules. */
  pageUrl: ReadonlySignal<string | null>;
  /** The rules for every frame of the tab. */
  setRules(rules: InterceptRule[]): void;
  decide(frameId: number, command: InterceptCommand): void;
}

const siteKey = (origin: string) => `intercept-rules:site:${origin}`;

/**
 * Interception in the panel (#13): the inspected site's rules, kept in extension storage per site
 * (so they survive a reload and a new panel), each with what is wrong with it, sent to the tab on
 * every change; and the messages its breakpoints hold, until the user forwards, edits or drops
 * them.
 */
export class InterceptModel {
  readonly rules = signal<readonly InterceptRule[]>([]);
  readonly held = signal<readonly HeldMessage[]>([]);
  /** Why a rule cannot run, by rule id: shown at the rule. */
  readonly errors: ReadonlySignal<ReadonlyMap<string, readonly RuleError[]>>;
  /** Enabled rules that run: what "active" means in the toolbar. */
  readonly activeCount: ReadonlySignal<number>;
  readonly status = signal<string | null>(null);
  /** Whether the site's stored rules were read: until then the list is not the site's. */
  readonly loaded = signal(false);
  /** Whether the Rules area is open. */
  readonly shown = signal(false);
  private readonly origin: ReadonlySignal<string | null>;
  private loadedFor: string | null = null;

  constructor(private readonly deps: InterceptDeps) {
    this.origin = computed(() => originOf(deps.pageUrl.value));
    this.errors = computed(() => {
      const out = new Map<string, readonly RuleError[]>();
      for (const rule of this.rules.value) {
        const c = compileRule(rule);
        if ('errors' in c) out.set(rule.id, c.errors);
      }
      return out;
    });
    this.activeCount = computed(
      () => this.rules.value.filter((r) => r.enabled && !this.errors.value.has(r.id)).length,
    );
    effect(() => {
      void this.load(this.origin.value);
    });
  }

  /** Adds a rule, or replaces the one of its id. */
  save(rule: InterceptRule): void {
    const rules = this.rules.peek();
    const at = rules.findIndex((r) => r.id === rule.id);
    if (at < 0 && rules.length >= MAX_RULES) {
      this.status.value = `At most ${MAX_RULES} rules.`;
      return;
    }
    this.change(at < 0 ? [...rules, rule] : rules.map((r) => (r.id === rule.id ? rule : r)));
  }

  remove(id: string): void {
    this.change(this.rules.peek().filter((r) => r.id !== id));
  }

  setEnabled(id: string, enabled: boolean): void {
    this.change(this.rules.peek().map((r) => (r.id === id ? { ...r, enabled } : r)));
  }

  /** One click: every rule off (kept, to turn on again); what is held goes on. */
  disableAll(): void {
    this.change(this.rules.peek().map((r) => ({ ...r, enabled: false })));
  }

  /** The held and released events of the tab's recorders. */
  receive(m: PanelMessage): void {
    if (m.type === 'navigated') {
      this.held.value = [];
      return;
    }
    if (m.type !== 'events') return;
    const { doc, events } = m.batch;
    let held = this.held.peek();
    for (const e of events) {
      if (e.type === 'held')
        held = [
          ...held,
          {
            key: `${m.frameId}:${doc}:${e.hold}`,
            frameId: m.frameId,
            doc,
            socket: e.socket,
            hold: e.hold,
            dir: e.dir,
            rule: e.rule,
            text: e.text,
          },
        ];
      else if (e.type === 'released') held = held.filter((h) => h.key !== `${m.frameId}:${doc}:${e.hold}`);
    }
    if (held !== this.held.peek()) this.held.value = held;
  }

  /**
   * The line to the background dropped (the service worker stopped): every relay tells its page
   * to release what it holds, and the page's "released" may reach a worker no panel has
   * subscribed to again yet.
   */
  linkLost(): void {
    if (this.held.peek().length > 0) this.held.value = [];
  }

  /** Forward, edit (with the new text) or drop one held message. */
  decide(h: HeldMessage, decision: HoldDecision, text: string | null = null): void {
    this.deps.decide(h.frameId, holdDecisionCommand(h.doc, h.hold, decision, text));
  }

  private change(rules: InterceptRule[]): void {
    this.rules.value = rules;
    this.deps.setRules(rules);
    const origin = this.origin.peek();
    if (origin === null) return;
    this.deps.storage.set(siteKey(origin), { rules }).then(
      () => {
        this.status.value = null;
      },
      (e: unknown) => {
        this.status.value = `The rules could not be saved (${String(e)}); they last until the panel closes.`;
      },
    );
  }

  private async load(origin: string | null): Promise<void> {
    if (origin === this.loadedFor) return;
    this.loadedFor = origin;
    let rules: InterceptRule[] = [];
    if (origin !== null) {
      try {
        const stored = (await this.deps.storage.get(siteKey(origin))) as { rules?: unknown } | undefined;
        if (isInterceptRules(stored?.rules)) rules = stored.rules;
      } catch (e) {
        this.status.value = `The site's rules could not be read (${String(e)}).`;
      }
    }
    if (this.loadedFor !== origin) return;
    this.loaded.value = true;
    this.rules.value = rules;
    this.deps.setRules(rules);
  }
}
