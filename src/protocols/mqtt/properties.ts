import type { ByteReader } from '../shared/byte-reader';
import { readVarInt } from './var-int';

/** MQTT 5.0 property identifiers and how each is encoded (§2.2.2.2). */
type Kind = 'byte' | 'u16' | 'u32' | 'varint' | 'utf8' | 'binary' | 'pair';
const PROPERTIES: ReadonlyMap<number, readonly [string, Kind]> = new Map([
  [0x01, ['Payload Format Indicator', 'byte']],
  [0x02, ['Message Expiry Interval', 'u32']],
  [0x03, ['Content Type', 'utf8']],
  [0x08, ['Response Topic', 'utf8']],
  [0x09, ['Correlation Data', 'binary']],
  [0x0b, ['Subscription Identifier', 'varint']],
  [0x11, ['Session Expiry Interval', 'u32']],
  [0x12, ['Assigned Client Identifier', 'utf8']],
  [0x13, ['Server Keep Alive', 'u16']],
  [0x15, ['Authentication Method', 'utf8']],
  [0x16, ['Authentication Data', 'binary']],
  [0x17, ['Request Problem Information', 'byte']],
  [0x18, ['Will Delay Interval', 'u32']],
  [0x19, ['Request Response Information', 'byte']],
  [0x1a, ['Response Information', 'utf8']],
  [0x1c, ['Server Reference', 'utf8']],
  [0x1f, ['Reason String', 'utf8']],
  [0x21, ['Receive Maximum', 'u16']],
  [0x22, ['Topic Alias Maximum', 'u16']],
  [0x23, ['Topic Alias', 'u16']],
  [0x24, ['Maximum QoS', 'byte']],
  [0x25, ['Retain Available', 'byte']],
  [0x26, ['User Property', 'pair']],
  [0x27, ['Maximum Packet Size', 'u32']],
  [0x28, ['Wildcard Subscription Available', 'byte']],
  [0x29, ['Subscription Identifier Available', 'byte']],
  [0x2a, ['Shared Subscription Available', 'byte']],
]);

/** Properties by name; a repeated one (User Property) keeps all its values in order. */
export type Properties = Record<string, string | number | (string | number)[]>;

export interface ReadProperties {
  properties: Properties;
  /** The preview ended inside the properties. */
  cut: boolean;
  error: string | null;
}

/**
 * The property block at the reader: a variable byte integer length, then id/value pairs. Reads
 * stop at the block's end or the preview's, whichever comes first; an unknown id ends the block.
 */
export function readProperties(r: ByteReader): ReadProperties {
  const properties: Properties = {};
  const length = readVarInt(r);
  if (typeof length === 'string')
    return {
      properties,
      cut: length === 'cut',
      error: length === 'cut' ? null : 'malformed property length: more than four bytes',
    };
  const end = r.pos + length;
  const cut = end > r.end;
  const stop = Math.min(end, r.end);
  while (r.pos < stop) {
    const id = r.u8();
    const known = id === null ? undefined : PROPERTIES.get(id);
    if (id === null || known === undefined)
      return { properties, cut, error: `unknown property 0x${(id ?? 0).toString(16)}` };
    const [name, kind] = known;
    const value = readValue(r, kind, stop);
    if (value === null) return { properties, cut: true, error: null };
    add(properties, name, value);
  }
  r.pos = stop;
  return { properties, cut, error: null };
}

function readValue(r: ByteReader, kind: Kind, stop: number): string | number | null {
  if (r.pos >= stop) return null;
  switch (kind) {
    case 'byte':
      return r.u8();
    case 'u16':
      return r.u16();
    case 'u32':
      return r.u32();
    case 'varint': {
      const v = readVarInt(r);
      return typeof v === 'number' ? v : null;
    }
    case 'utf8':
      return r.utf8();
    case 'binary': {
      const n = r.u16();
      const raw = n === null ? null : r.take(n);
      return raw === null ? null : `${raw.length} bytes`;
    }
    case 'pair': {
      const k = r.utf8();
      const v = k === null ? null : r.utf8();
      return k === null || v === null ? null : `${k}=${v}`;
    }
  }
}

function add(properties: Properties, name: string, value: string | number): void {
  const old = properties[name];
  if (old === undefined) properties[name] = value;
  else if (Array.isArray(old)) old.push(value);
  else properties[name] = [old, value];
}
