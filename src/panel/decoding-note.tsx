import type { SocketDecoding } from '../log/app-protocols/socket-decoding';

/** Says plainly when previews were dropped before this socket's messages could be decoded. */
export function DecodingNote({ decoding }: { decoding: SocketDecoding }) {
  const { start, missed } = decoding;
  if (start === 0 && missed === 0) return null;
  const n = (k: number) => k.toLocaleString('en-US');
  return (
    <p class="note" data-testid="decoding-note">
      {start > 0 &&
        `The first ${n(start)} previews had been dropped before this socket was decoded, so what they set up (a negotiated heartbeat, a packet split across messages, a protocol carried inside another) is unknown. `}
      {missed > 0 &&
        `${n(missed)} later previews were dropped before they could be decoded: select a busy socket while it runs to decode every message.`}
    </p>
  );
}
