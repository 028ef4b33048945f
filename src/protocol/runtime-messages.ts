import type { DeepCaptureState, WireReport, WorkerInfo } from './deep-capture';
import type { HandshakeReport } from './handshake';
import { isInjectCommand } from './inject-command';
import type { InjectCommand } from './inject-command';
import { isInterceptCommand } from './intercept-command';
import type { InterceptCommand } from './intercept-command';
import { isInterceptRules } from './intercept-rules';
import type { InterceptRule } from './intercept-rules';
import type { EventsBatch, SnapshotPart } from './page-messages';

/**
 * Messages between extension contexts (relay, service worker, panel). Only extension code can
 * send them, and page data inside them was validated by the background first, so plain types
 * with light guards suffice here; the page channel is where schemas are enforced.
 */

/** Port names, so the background knows who connected. */
export const RELAY_PORT = 'wsci-relay';
export const PANEL_PORT = 'wsci-panel';

/** relay -> background */
export type RelayMessage =
  /** Sent once when a document starts; from the top frame it means the tab navigated. */
  | { type: 'document-start'; url: string }
  /** One unparsed message from the page channel: the background validates it. */
  | { type: 'page-data'; data: string }
  /** Page-channel messages the relay dropped unseen (not a string, or too large). */
  | { type: 'page-rejected'; count: number; error: string };

/**
 * background -> relays of a tab through tabs.sendMessage: 'sync' to every frame, 'inject' to the
 * frame of the socket only, 'intercept' to every frame (rules) or one (a hold decision).
 */
export type RelayCommand =
  | { type: 'sync' }
  | { type: 'inject'; command: InjectCommand }
  | { type: 'intercept'; command: InterceptCommand };

/** panel -> background */
export type PanelRequest =
  | { type: 'subscribe'; tabId: number }
  /** The panel's "Preserve log": while on, navigations keep the badge count too. */
  | { type: 'preserve-log'; tabId: number; on: boolean }
  /** The panel's Clear: the badge starts again from zero. */
  | { type: 'clear'; tabId: number }
  /** A tester's fault control, for the socket's own frame. */
  | { type: 'inject'; tabId: number; frameId: number; command: InjectCommand }
  /** Deep capture on or off for the tab; the panel asked for the `debugger` permission first. */
  | { type: 'deep-capture'; tabId: number; on: boolean }
  /** The interception rules every frame of the tab runs while a panel is open on it. */
  | { type: 'intercept-rules'; tabId: number; rules: InterceptRule[] }
  /** The panel's decision on a held message, for the recorder of its frame. */
  | { type: 'hold-decision'; tabId: number; frameId: number; command: InterceptCommand };

/** background -> panel */
export type PanelMessage =
  /**
   * `frameId`: the sending frame in its tab, 0 for the top document (and for workers); `worker`:
   * the worker the recorder runs in, with deep capture.
   */
  | { type: 'events'; frameId: number; batch: EventsBatch; worker?: WorkerInfo }
  | { type: 'snapshot'; frameId: number; part: SnapshotPart; worker?: WorkerInfo }
  /** What Chromium's DevTools protocol said about a socket (deep capture). */
  | { type: 'wire'; report: WireReport }
  | { type: 'deep-capture'; state: DeepCaptureState }
  | { type: 'navigated'; url: string; at: number }
  /** The tab's top document when the panel subscribes (a navigation later says 'navigated'). */
  | { type: 'page'; url: string }
  | { type: 'handshake'; report: HandshakeReport }
  /** Page-channel messages that failed validation in this tab, since the background started. */
  | { type: 'rejected'; count: number; lastError: string }
  /**
   * A frame's recorder speaks another page-channel protocol version than this extension (e.g. an
   * older dist/recorder.js injected by a test suite): its messages cannot be read, and are not
   * counted as rejected. Sent once per frame and version, and again to a panel that subscribes.
   */
  | { type: 'recorder-mismatch'; frameId: number; recorderVersion: number; expectedVersion: number };

const typeOf = (m: unknown): unknown =>
  typeof m === 'object' && m !== null ? (m as { type?: unknown }).type : undefined;

export function isRelayMessage(m: unknown): m is RelayMessage {
  const r = m as Record<string, unknown>;
  switch (typeOf(m)) {
    case 'document-start':
      return typeof r.url === 'string';
    case 'page-data':
      return typeof r.data === 'string';
    case 'page-rejected':
      return Number.isInteger(r.count) && typeof r.error === 'string';
    default:
      return false;
  }
}

export function isRelayCommand(m: unknown): m is RelayCommand {
  const t = typeOf(m);
  const command = (m as { command?: unknown }).command;
  return (
    t === 'sync' ||
    (t === 'inject' && isInjectCommand(command)) ||
    (t === 'intercept' && isInterceptCommand(command))
  );
}

export function isPanelRequest(m: unknown): m is PanelRequest {
  const r = m as Record<string, unknown>;
  switch (typeOf(m)) {
    case 'subscribe':
    case 'clear':
      return Number.isInteger(r.tabId);
    case 'preserve-log':
      return Number.isInteger(r.tabId) && typeof r.on === 'boolean';
    case 'inject':
      return Number.isInteger(r.tabId) && Number.isInteger(r.frameId) && isInjectCommand(r.command);
    case 'deep-capture':
      return Number.isInteger(r.tabId) && typeof r.on === 'boolean';
    case 'intercept-rules':
      return Number.isInteger(r.tabId) && isInterceptRules(r.rules);
    case 'hold-decision':
      return (
        Number.isInteger(r.tabId) &&
        Number.isInteger(r.frameId) &&
        isInterceptCommand(r.command) &&
        r.command.type === 'hold-decision'
      );
    default:
      return false;
  }
}

export function isPanelMessage(m: unknown): m is PanelMessage {
  const t = typeOf(m);
  return (
    t === 'events' ||
    t === 'snapshot' ||
    t === 'navigated' ||
    t === 'page' ||
    t === 'rejected' ||
    t === 'handshake' ||
    t === 'recorder-mismatch' ||
    t === 'wire' ||
    t === 'deep-capture'
  );
}
