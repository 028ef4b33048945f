import { batch, computed, signal } from '@preact/signals';
import type { ReadonlySignal } from '@preact/signals';
import { convertDraft } from '../../compose/convert-draft';
import { checkDraft, EMPTY_DRAFT } from '../../compose/draft';
import type { Draft, DraftCheck, DraftFormat } from '../../compose/draft';
import { draftFromMessage } from '../../compose/draft-from-message';
import { layoutJson } from '../../compose/json-layout';
import type { MessageRecord, SocketRecord } from '../../log/socket-record';
import type { InjectRequest } from '../../protocol/inject-command';

/** 'send': as the page, through the socket's real send(). 'receive': injected, as if from the server. */
export type TalkAction = 'send' | 'receive';

/**
 * The tester's message composer, one for the panel (a draft outlives switching sockets, so the
 * same message can go to several): the draft as typed, checked as it changes, and sent or
 * injected through the panel model's one way to the background.
 */
export class ComposerModel {
  readonly draft = signal<Draft>(EMPTY_DRAFT);
  readonly check: ReadonlySignal<DraftCheck> = computed(() => checkDraft(this.draft.value));
  /** Something to know about the draft: how it was loaded, or why a conversion kept it as typed. */
  readonly note = signal<string | null>(null);
  /** What the last send or injection did. */
  readonly done = signal<string | null>(null);

  constructor(private readonly deliver: (socket: SocketRecord, request: InjectRequest) => void) {}

  edit(body: string): void {
    batch(() => {
      this.draft.value = { ...this.draft.value, body };
      this.note.value = null;
      this.done.value = null;
    });
  }

  /** Another format; the same bytes when they can be kept (text to hex, hex to base64...). */
  setFormat(format: DraftFormat): void {
    const converted = convertDraft(this.draft.value, format);
    batch(() => {
      this.draft.value = converted.draft;
      this.note.value = converted.note;
    });
  }

  /** Valid JSON laid out again, pretty or compact, every token as written. */
  layoutJson(pretty: boolean): void {
    const { format, body } = this.draft.value;
    if (format === 'json' && this.check.value.ok)
      this.draft.value = { format, body: layoutJson(body, pretty) };
  }

  /** A logged message, to edit and send or inject again. */
  load(m: MessageRecord): void {
    const loaded = draftFromMessage(m);
    batch(() => {
      if (loaded.ok) this.draft.value = loaded.draft;
      this.note.value = loaded.ok ? loaded.note : loaded.error;
      this.done.value = null;
    });
  }

  /** A saved message, to edit first. */
  loadSaved(name: string, draft: Draft): void {
    batch(() => {
      this.draft.value = draft;
      this.note.value = `Loaded “${name}”.`;
      this.done.value = null;
    });
  }

  /** Sends or injects the draft; false when it cannot go out as it is. */
  submit(socket: SocketRecord, action: TalkAction): boolean {
    return this.talk(socket, action, this.check.value);
  }

  /** Sends or injects a draft other than the composer's (a saved message, in one click). */
  submitDraft(socket: SocketRecord, action: TalkAction, draft: Draft, name: string): boolean {
    return this.talk(socket, action, checkDraft(draft), name);
  }

  private talk(socket: SocketRecord, action: TalkAction, check: DraftCheck, name?: string): boolean {
    if (!check.ok) {
      this.done.value = `Not sent: ${check.error}`;
      return false;
    }
    this.deliver(socket, { action, message: check.message });
    const what = name === undefined ? `${check.bytes.toLocaleString('en-US')} bytes` : `“${name}”`;
    this.done.value =
      action === 'send' ? `Sent ${what} as the page.` : `Injected ${what} as if the server had sent it.`;
    return true;
  }
}
