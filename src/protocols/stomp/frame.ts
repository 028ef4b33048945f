export interface StompFrame {
  command: string;
  /** Headers in order; a repeated header keeps its first value, as the spec says. */
  headers: Map<string, string>;
  body: string;
  /** The preview ended inside this frame. */
  partial: boolean;
}

/** No real frame has more; a longer header block is cut here, not walked to its end. */
const MAX_HEADERS = 100;
/** Frames one message may hold before the rest is left undecoded. */
export const MAX_FRAMES = 50;

const ESCAPE = /\\(.)/g;
const UNESCAPED: Readonly<Record<string, string>> = { n: '\n', c: ':', '\\': '\\', r: '\r' };

/**
 * The frames of one WebSocket message: command, headers, blank line, body, NUL; EOL-only text
 * between frames is a heart-beat. Header escapes apply except in CONNECT and CONNECTED (1.1+).
 */
export function parseFrames(
  text: string,
  truncated: boolean,
): { frames: StompFrame[]; beats: number; error: string | null } {
  const frames: StompFrame[] = [];
  let beats = 0;
  let i = 0;
  while (i < text.length && frames.length < MAX_FRAMES) {
    const eol = text.startsWith('\r\n', i) ? 2 : text[i] === '\n' ? 1 : 0;
    if (eol > 0) {
      beats++;
      i += eol;
      continue;
    }
    const frame = parseFrame(text, i, truncated);
    if (typeof frame === 'string') return { frames, beats, error: frame };
    frames.push(frame.frame);
    i = frame.next;
  }
  return { frames, beats, error: null };
}

function parseFrame(
  text: string,
  start: number,
  truncated: boolean,
): { frame: StompFrame; next: number } | string {
  const headerEnd = blankLine(text, start);
  const head = text.slice(start, headerEnd === null ? text.length : headerEnd.at);
  const lines = head.split('\n', MAX_HEADERS + 1).map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  const command = lines[0] ?? '';
  if (!/^[A-Z]+$/.test(command)) return `not a STOMP frame: command ${JSON.stringify(command.slice(0, 20))}`;
  const escapes = command !== 'CONNECT' && command !== 'CONNECTED';
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = unescape(line.slice(0, colon), escapes);
    if (!headers.has(name)) headers.set(name, unescape(line.slice(colon + 1), escapes));
  }
  if (headerEnd === null) {
    if (truncated) return { frame: { command, headers, body: '', partial: true }, next: text.length };
    return 'frame without the blank line that ends its headers';
  }
  const bodyStart = headerEnd.next;
  const nul = text.indexOf('\0', bodyStart);
  if (nul < 0) {
    // 1.0 servers and some brokers omit the NUL at the end of a WebSocket message.
    return {
      frame: { command, headers, body: text.slice(bodyStart), partial: truncated },
      next: text.length,
    };
  }
  return { frame: { command, headers, body: text.slice(bodyStart, nul), partial: false }, next: nul + 1 };
}

function blankLine(text: string, from: number): { at: number; next: number } | null {
  const lf = text.indexOf('\n\n', from);
  const crlf = text.indexOf('\r\n\r\n', from);
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { at: crlf, next: crlf + 4 };
  if (lf >= 0) return { at: lf, next: lf + 2 };
  // "\r\n\n" and "\n\r\n" end a header block too when EOLs are mixed.
  const mixed = /\r?\n\r?\n/.exec(text.slice(from));
  return mixed === null ? null : { at: from + mixed.index, next: from + mixed.index + mixed[0].length };
}

function unescape(s: string, escapes: boolean): string {
  return escapes && s.includes('\\') ? s.replace(ESCAPE, (all, c: string) => UNESCAPED[c] ?? all) : s;
}
