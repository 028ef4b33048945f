import type { JsonValue } from './lenient-json';
import { parseLenient } from './lenient-json';

export interface ReadJson {
  /** What was read; undefined when nothing could be. */
  value: JsonValue | undefined;
  /** The text was cut short (a truncated preview): value holds only the start. */
  partial: boolean;
  /** Why the text is not JSON, for text that was not cut short. */
  error: string | null;
}

/**
 * Parses a JSON text, or what a truncated preview holds of one. Complete text goes through the
 * native parser (fast, and it keeps "__proto__" as an own key); the lenient one only reads what a
 * cut preview holds and locates errors.
 */
/** JSON.parse, typed for what it can return. */
const parseJson: (text: string) => JsonValue = JSON.parse;

export function readJson(text: string, truncated: boolean): ReadJson {
  if (!truncated) {
    try {
      return { value: parseJson(text), partial: false, error: null };
    } catch {
      const r = parseLenient(text);
      return { value: r.value, partial: false, error: r.error ?? 'the JSON ends early' };
    }
  }
  const r = parseLenient(text);
  return { value: r.value, partial: true, error: r.cut ? null : r.error };
}

export function isRecord(v: unknown): v is { [key: string]: JsonValue } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** An own string property, or undefined: never one inherited through a hostile prototype. */
export function str(o: { [key: string]: JsonValue }, key: string): string | undefined {
  const v = Object.hasOwn(o, key) ? o[key] : undefined;
  return typeof v === 'string' ? v : undefined;
}

export function num(o: { [key: string]: JsonValue }, key: string): number | undefined {
  const v = Object.hasOwn(o, key) ? o[key] : undefined;
  return typeof v === 'number' ? v : undefined;
}

export function field(o: { [key: string]: JsonValue }, key: string): JsonValue | undefined {
  return Object.hasOwn(o, key) ? o[key] : undefined;
}
