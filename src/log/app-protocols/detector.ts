import { CONTENT_WINDOW, detectProtocol } from '../../protocols';
import type { Detection, MessagePreview } from '../../protocols';
import type { LogState } from '../log-state';
import type { SocketRecord } from '../socket-record';
import { fileDetection, socketFacts } from './inputs';

interface Entry {
  /** The negotiated subprotocol when last looked at: it comes with open, and outranks the URL. */
  protocol: string | null;
  /** Previews the socket had pushed when last looked at. */
  pushed: number;
  detection: Detection | null;
}

/**
 * Each socket's application protocol as its own evidence shows it (before the user's choice),
 * kept up to date as the log changes: a new log version costs a look at the sockets it added or
 * changed, and a socket is looked at again only while its evidence can still change (its
 * subprotocol arrives, or its first messages are still coming). Looking as messages arrive, not
 * when a row is drawn, keeps the first messages' evidence before their previews are dropped.
 */
export class ProtocolDetector {
  private readonly entries = new Map<string, Entry>();
  private version: number | null = null;

  update(log: LogState): void {
    if (log.version === this.version) return;
    if (this.version !== null && log.changes.from === this.version) {
      for (const slot of [...log.changes.added, ...log.changes.updated]) {
        const s = log.sockets.get(slot);
        if (s) this.look(s);
      }
    } else {
      // A fresh log (Clear, a navigation, an import) or versions not seen: every socket, and
      // the sockets gone are forgotten.
      const ids = new Set<string>();
      for (const s of log.sockets) {
        ids.add(s.id);
        this.look(s);
      }
      for (const id of this.entries.keys()) if (!ids.has(id)) this.entries.delete(id);
    }
    this.version = log.version;
  }

  /** The socket's protocol by its subprotocol, URL or first messages; null when none matches. */
  detected(s: SocketRecord): Detection | null {
    return this.look(s).detection;
  }

  private look(s: SocketRecord): Entry {
    const held = this.entries.get(s.id);
    if (held && !changed(held, s)) return held;
    const first: MessagePreview[] = [];
    for (let i = 0; i < CONTENT_WINDOW && i < s.messages.length; i++) {
      const m = s.messages.at(i);
      if (m) first.push(m);
    }
    const entry = {
      protocol: s.protocol,
      pushed: s.messages.pushed,
      detection: fileDetection(s) ?? detectProtocol(socketFacts(s), first),
    };
    this.entries.set(s.id, entry);
    return entry;
  }
}

/** Whether what the detection rests on may have changed since it was made. */
function changed(held: Entry, s: SocketRecord): boolean {
  if (held.protocol !== s.protocol) return true;
  if (held.pushed >= CONTENT_WINDOW || s.messages.pushed === held.pushed) return false;
  // More of the first messages: they matter while nothing matched, or to confirm a URL.
  const d = held.detection;
  return d === null || (d.detectedBy === 'url' && d.protocol.urlNeedsHandshake);
}
