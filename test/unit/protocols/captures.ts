import { readFileSync } from 'node:fs';
import { analyzeSocket } from '../../../src/protocols';
import type { MessagePreview, SocketAnalysis } from '../../../src/protocols';
import type { SocketInputs } from '../../fixtures/libraries/close-log-socket';

/** A session recorded by scripts/capture-app-protocols.ts (its source says which libraries talked). */
export interface Capture {
  source: string;
  recordedWith: string;
  transcript: string[];
  sockets: SocketInputs[];
}

export function loadCapture(name: string): Capture {
  const file = new URL(`../../fixtures/captures/${name}.json`, import.meta.url);
  const capture: Capture = JSON.parse(readFileSync(file, 'utf8'));
  return capture;
}

/** Every socket of a capture, detected, decoded and its close explained. */
export function analyzeCapture(name: string): SocketAnalysis[] {
  return loadCapture(name).sockets.map((s) => {
    const a = analyzeSocket(s.socket, s.messages, s.close);
    if (a === null) throw new Error(`${name}: no protocol detected for ${s.socket.url}`);
    return a;
  });
}

export function summaries(a: SocketAnalysis): string[] {
  return a.messages.map((m) => m.decoded.summary);
}

let seq = 0;
/** A message preview as the recorder makes it: text as is, binary as lowercase hex. */
export function message(
  dir: MessagePreview['dir'],
  preview: string,
  over: Partial<MessagePreview> = {},
): MessagePreview {
  const kind = over.kind ?? 'text';
  const size = kind === 'binary' ? preview.length / 2 : new TextEncoder().encode(preview).length;
  return { seq: ++seq, t: seq * 10, dir, kind, size, preview, truncated: false, ...over };
}

/** The first `chars` of a captured text message, as the recorder truncates a longer one. */
export function truncate(m: MessagePreview, chars: number): MessagePreview {
  return { ...m, preview: (m.preview ?? '').slice(0, chars), truncated: true };
}
