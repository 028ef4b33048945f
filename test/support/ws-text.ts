import type { RawData } from 'ws';

/** A `ws` message as text: it arrives as a Buffer, an ArrayBuffer or Buffer fragments. */
export function wsText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return data instanceof ArrayBuffer ? Buffer.from(data).toString('utf8') : data.toString('utf8');
}
