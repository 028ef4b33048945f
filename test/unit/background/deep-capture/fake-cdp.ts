import type {
  CdpPort,
  CdpRoot,
  CdpSession,
  CdpTargetInfo,
} from '../../../../src/background/deep-capture/cdp-port';

export interface SentCommand {
  session: CdpSession;
  method: string;
  params: Record<string, unknown> | undefined;
}

/**
 * A browser as chrome.debugger shows it, in memory: records attachments and commands, answers
 * the few commands whose results deep capture reads, and can refuse to attach.
 */
export class FakeCdp implements CdpPort {
  readonly attached: CdpRoot[] = [];
  readonly detached: CdpRoot[] = [];
  readonly sent: SentCommand[] = [];
  list: CdpTargetInfo[] = [];
  /** `Target.getTargetInfo`'s type per targetId. */
  readonly types = new Map<string, string>();
  refuse: string | null = null;

  attach(root: CdpRoot): Promise<void> {
    if (this.refuse !== null) return Promise.reject(new Error(this.refuse));
    this.attached.push(root);
    return Promise.resolve();
  }

  detach(root: CdpRoot): Promise<void> {
    this.detached.push(root);
    return Promise.resolve();
  }

  send(session: CdpSession, method: string, params?: Record<string, unknown>): Promise<unknown> {
    this.sent.push({ session, method, params });
    if (method === 'Runtime.evaluate' && String(params?.expression).includes('Symbol.for'))
      return Promise.resolve({
        result: { type: 'function', objectId: `receiver-of-${JSON.stringify(session)}` },
      });
    if (method === 'Target.getTargetInfo')
      return Promise.resolve({ targetInfo: { type: this.types.get(session.targetId ?? '') ?? 'other' } });
    return Promise.resolve({});
  }

  targets(): Promise<CdpTargetInfo[]> {
    return Promise.resolve(this.list);
  }

  /** The methods sent to one session, in order. */
  methodsFor(match: Partial<CdpSession>): string[] {
    return this.sent
      .filter((c) => Object.entries(match).every(([k, v]) => c.session[k as keyof CdpSession] === v))
      .map((c) => c.method);
  }
}

/** Lets every pending promise chain of the code under test run. */
export const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
