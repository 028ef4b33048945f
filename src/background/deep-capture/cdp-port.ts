/**
 * The part of `chrome.debugger` deep capture uses, as plain types: the service worker hands in
 * the real one, unit tests a fake browser.
 */

/** What a command goes to: a tab or a target attached by id, or a flat child session of either. */
export interface CdpSession {
  tabId?: number;
  targetId?: string;
  sessionId?: string;
}

/** A root attachment: `chrome.debugger.attach` takes one of these. */
export type CdpRoot = { tabId: number } | { targetId: string };

/** `chrome.debugger.getTargets()`: its `type` is "page", "worker" (any kind) or "other". */
export interface CdpTargetInfo {
  id: string;
  type: string;
  url: string;
  attached: boolean;
  tabId?: number;
}

export interface CdpPort {
  attach(root: CdpRoot): Promise<void>;
  detach(root: CdpRoot): Promise<void>;
  send(session: CdpSession, method: string, params?: Record<string, unknown>): Promise<unknown>;
  targets(): Promise<CdpTargetInfo[]>;
}
