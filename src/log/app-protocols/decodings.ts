import type { Protocol } from '../../protocols';
import type { SocketRecord } from '../socket-record';
import { socketFacts } from './inputs';
import { SocketDecoding } from './socket-decoding';

/** Sockets whose decoding is kept: the one in view and the last few looked at before it. */
const KEPT = 8;

/**
 * The decodings of the sockets the user looks at, most recent last. Only a few are kept, so
 * decoded rows never outgrow the previews they came from; a socket looked at again after its
 * decoding was let go is decoded afresh from the previews still held.
 */
export class Decodings {
  private readonly held = new Map<string, SocketDecoding>();

  /** The socket's decoding with `protocol`, brought up to date with its previews. */
  decode(s: SocketRecord, protocol: Protocol): SocketDecoding {
    const d = this.current(s, protocol) ?? new SocketDecoding(protocol, socketFacts(s), s.messages);
    this.held.delete(s.id);
    this.held.set(s.id, d);
    for (const id of this.held.keys()) {
      if (this.held.size <= KEPT) break;
      this.held.delete(id);
    }
    d.advance(s.messages);
    return d;
  }

  private current(s: SocketRecord, protocol: Protocol): SocketDecoding | undefined {
    const held = this.held.get(s.id);
    return held?.protocol === protocol ? held : undefined;
  }
}
