/** Deeper than this, a document is treated as hostile: parsing stops with an error. */
const MAX_DEPTH = 100;

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export interface LenientResult {
  /** What was parsed; for a document cut short, the part before the cut. Undefined if nothing. */
  value: JsonValue | undefined;
  /** The input ended inside the document. */
  cut: boolean;
  /** Why parsing stopped early on input that was not cut short. */
  error: string | null;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

// eslint-disable-next-line no-control-regex -- a raw control character makes a JSON string invalid
const NEEDS_WALK = /[\\\u0000-\u001f]/;

/** Sticky: matches at the parser's position without copying the rest of the text. */
const SCALAR = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y;

/** Unwinds the recursion when parsing stops: at the end of a cut document, or at an error. */
class Stop extends Error {
  constructor(
    readonly cut: boolean,
    readonly error: string | null,
  ) {
    super(error ?? 'cut');
  }
}

// Reaching the end of a cut preview is the common case: one instance, so no stack is captured each time.
const CUT = new Stop(true, null);

/**
 * A JSON parser for previews that may end mid-document: it returns the values read before the
 * end, marked as cut, where JSON.parse only throws. Recursion is bounded by MAX_DEPTH and every
 * loop advances through the input, so hostile text costs time linear in its length.
 */
export function parseLenient(text: string): LenientResult {
  const p = new Parser(text);
  try {
    p.space();
    const value = p.value(0);
    p.space();
    if (p.i < text.length)
      return { value, cut: false, error: `unexpected text after the JSON value at ${p.i}` };
    return { value, cut: false, error: null };
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    return { value: p.partial, cut: e.cut, error: e.error };
  }
}

class Parser {
  i = 0;
  /** The outermost value under construction, returned when the input runs out. */
  partial: JsonValue | undefined = undefined;

  constructor(private readonly s: string) {}

  space(): void {
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c !== 32 && c !== 10 && c !== 13 && c !== 9) return;
      this.i++;
    }
  }

  private end(): never {
    throw CUT;
  }

  private fail(what: string): never {
    throw new Stop(false, `${what} at ${this.i}`);
  }

  value(depth: number): JsonValue {
    if (this.i >= this.s.length) this.end();
    const c = this.s[this.i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
      const container: JsonValue = c === '{' ? {} : [];
      if (depth === 0) this.partial = container;
      this.i++;
      if (Array.isArray(container)) this.array(container, depth);
      else this.object(container, depth);
      return container;
    }
    if (c === '"') {
      const str = this.string();
      if (depth === 0) this.partial = str.text;
      if (str.cut) this.end();
      return str.text;
    }
    return this.scalar();
  }

  private array(out: JsonValue[], depth: number): void {
    this.space();
    if (this.s[this.i] === ']') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      this.element(depth, (v) => out.push(v));
      this.space();
      if (this.i >= this.s.length) this.end();
      const c = this.s[this.i];
      if (c !== ']' && c !== ',') this.fail('expected , or ] in an array');
      this.i++;
      if (c === ']') return;
    }
  }

  private object(out: { [key: string]: JsonValue }, depth: number): void {
    this.space();
    if (this.s[this.i] === '}') {
      this.i++;
      return;
    }
    for (;;) {
      this.space();
      if (this.i >= this.s.length) this.end();
      if (this.s[this.i] !== '"') this.fail('expected a property name');
      const key = this.string();
      if (key.cut) this.end();
      this.space();
      if (this.i >= this.s.length) this.end();
      if (this.s[this.i] !== ':') this.fail('expected : after a property name');
      this.i++;
      this.space();
      // defineProperty: a "__proto__" key stays an own property instead of replacing the prototype.
      this.element(depth, (v) =>
        Object.defineProperty(out, key.text, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        }),
      );
      this.space();
      if (this.i >= this.s.length) this.end();
      const c = this.s[this.i];
      if (c !== '}' && c !== ',') this.fail('expected , or } in an object');
      this.i++;
      if (c === '}') return;
    }
  }

  /** Parses a member and stores it, also when the input ends inside it (what was read of it). */
  private element(depth: number, store: (v: JsonValue) => void): void {
    if (this.i >= this.s.length) this.end();
    const c = this.s[this.i];
    if (c === '{' || c === '[') {
      if (depth + 1 >= MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
      const container: JsonValue = c === '{' ? {} : [];
      store(container);
      this.i++;
      if (Array.isArray(container)) this.array(container, depth + 1);
      else this.object(container, depth + 1);
      return;
    }
    if (c === '"') {
      const str = this.string();
      store(str.text);
      if (str.cut) this.end();
      return;
    }
    store(this.scalar());
  }

  private string(): { text: string; cut: boolean } {
    const start = ++this.i;
    // Most strings have no escapes: find the closing quote natively instead of walking to it.
    const quote = this.s.indexOf('"', start);
    const plain = this.s.slice(start, quote < 0 ? this.s.length : quote);
    if (!NEEDS_WALK.test(plain)) {
      this.i = quote < 0 ? this.s.length : quote + 1;
      return { text: plain, cut: quote < 0 };
    }
    let out = '';
    let from = start;
    while (this.i < this.s.length) {
      const c = this.s.charCodeAt(this.i);
      if (c === 34) {
        out += this.s.slice(from, this.i++);
        return { text: out, cut: false };
      }
      if (c === 92) {
        out += this.s.slice(from, this.i);
        const esc = this.escape();
        if (esc === null) return { text: out, cut: true };
        out += esc;
        from = this.i;
        continue;
      }
      if (c < 32) this.fail('control character in a string');
      this.i++;
    }
    return { text: out + this.s.slice(from), cut: true };
  }

  /** The character an escape stands for; null when the input ends inside it. */
  private escape(): string | null {
    const e = this.s[this.i + 1];
    if (e === undefined) return null;
    if (e === 'u') {
      const hex = this.s.slice(this.i + 2, this.i + 6);
      if (hex.length < 4) return null;
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('bad \\u escape');
      this.i += 6;
      return String.fromCharCode(parseInt(hex, 16));
    }
    const ch = Object.hasOwn(ESCAPES, e) ? ESCAPES[e] : undefined;
    if (ch === undefined) this.fail('bad escape');
    this.i += 2;
    return ch;
  }

  private scalar(): JsonValue {
    SCALAR.lastIndex = this.i;
    const m = SCALAR.exec(this.s);
    if (m === null) {
      const rest = this.s.slice(this.i, this.i + 5);
      if (
        ['true', 'false', 'null'].some((w) => w.startsWith(rest) && rest.length < w.length) ||
        /^-?\d*\.?$/.test(rest)
      )
        this.end();
      this.fail('unexpected character');
    }
    const token = m[0];
    this.i += token.length;
    return token === 'true' ? true : token === 'false' ? false : token === 'null' ? null : Number(token);
  }
}
