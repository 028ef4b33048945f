import type { CloseLog, CloseLogApplicationClose, CloseLogSocket } from './close-log-schema';

/**
 * Close logs travel (bug trackers, CI artifacts), and WebSocket URLs and messages often carry
 * credentials: `?token=…` in a URL, a JWT in a subscribe message, a `Bearer …` header echoed in
 * a preview. Every export redacts them by default; a user includes them only on purpose, and
 * the file says which it is (`redaction` in the close log).
 */
export const REDACTED = '[redacted]';

/** Query parameter and field names whose values are treated as secrets unless the user edits the list. */
export const DEFAULT_SECRET_NAMES: readonly string[] = [
  'token',
  'access_token',
  'auth',
  'key',
  'apikey',
  'password',
  'session',
  'sig',
  'signature',
  'jwt',
];

export interface RedactionOptions {
  /** false: include secrets on purpose (the file then says `redaction.applied: false`). */
  redact: boolean;
  /** The secret names (the user-editable list); DEFAULT_SECRET_NAMES when absent. */
  names?: readonly string[];
}

export const DEFAULT_REDACTION: RedactionOptions = { redact: true };

/** The rules of one RedactionOptions, ready to apply to URLs and text, and how the file records them. */
export interface Redactor {
  url: (url: string) => string;
  text: (text: string) => string;
  record: { applied: boolean; rules: string[] };
}

/** Words of a name, lower-cased: `X-Amz-Signature` is x, amz, signature; `apiKey` is api, key. */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const joined = (name: string) => words(name).join('');

/**
 * Whether a parameter or field name looks secret: one of its words is a listed name
 * (`access_token`, `X-Amz-Signature`, `apiKey`), or it is a listed name written another way
 * (`api_key` for apikey). Whole words only, so `monkey` or `author` are not secrets.
 */
export function isSecretName(name: string, names: ReadonlySet<string>): boolean {
  const w = words(name);
  return names.has(w.join('')) || w.some((word) => names.has(word));
}

/** The redaction `options` ask for; with `redact: false`, one that changes nothing and says so. */
export function redactor(options: RedactionOptions = DEFAULT_REDACTION): Redactor {
  if (!options.redact) return { url: (u) => u, text: (t) => t, record: { applied: false, rules: [] } };
  const listed = (options.names ?? DEFAULT_SECRET_NAMES).map((n) => n.trim()).filter(Boolean);
  // Listed names as the matcher reads them: words run together (`access_token` is accesstoken).
  const names = new Set(listed.map(joined));
  return {
    url: (u) => redactUrl(u, names),
    text: (t) => redactText(t, names),
    record: { applied: true, rules: [...listed.map((n) => `name:${n}`), 'url-password', 'jwt', 'bearer'] },
  };
}

/** `a=1&token=x` with the values of secret names replaced; parts without `=` stay as they are. */
function redactPairs(pairs: string, names: ReadonlySet<string>): string {
  return pairs
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq > 0 && isSecretName(decoded(part.slice(0, eq)), names)
        ? `${part.slice(0, eq)}=${REDACTED}`
        : part;
    })
    .join('&');
}

function decoded(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

/**
 * A URL with the password of its user info and the values of secret query (and fragment)
 * parameters replaced, the rest byte for byte: a visible `[redacted]`, never re-encoded.
 */
export function redactUrl(url: string, names: ReadonlySet<string>): string {
  const m = /^([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/s.exec(url);
  if (!m) return url;
  const [, base = '', query, fragment] = m;
  return (
    base.replace(/^([a-z][a-z\d+.-]*:\/\/[^/@:]*):[^/@]*@/i, `$1:${REDACTED}@`) +
    (query === undefined ? '' : `?${redactPairs(query, names)}`) +
    (fragment === undefined ? '' : `#${redactPairs(fragment, names)}`)
  );
}

const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*(?:\.[\w-]+){0,2}/g;
const BEARER = /\b(Bearer)\s+[\w\-.~+/]+=*/gi;
const JSON_PAIR = /("((?:[^"\\]|\\.){1,128})"\s*:\s*)"(?:[^"\\]|\\.)*"/g;
const FORM_PAIR = /(^|[^\w.-])([\w.-]{1,128})=([^&\s"'<>,;]+)/g;

/**
 * Free text (a message preview, a close reason, a subprotocol) with its secrets replaced:
 * `Bearer …` values, JWT-shaped strings, and the values of secret names in JSON (`"password":
 * "…"`) and in `name=value` pairs.
 */
export function redactText(text: string, names: ReadonlySet<string>): string {
  // Each pattern runs only on text that can hold it: exports run this on every preview.
  let out = text;
  if (/bearer/i.test(out)) out = out.replace(BEARER, `$1 ${REDACTED}`);
  if (out.includes('eyJ')) out = out.replace(JWT, REDACTED);
  if (out.includes('"'))
    out = out.replace(JSON_PAIR, (all, head: string, name: string) =>
      isSecretName(name, names) ? `${head}"${REDACTED}"` : all,
    );
  if (out.includes('='))
    out = out.replace(FORM_PAIR, (all, before: string, name: string) =>
      isSecretName(name, names) ? `${before}${name}=${REDACTED}` : all,
    );
  return out;
}

function redactSocketWith(s: CloseLogSocket, r: Redactor): CloseLogSocket {
  const maybe = (t: string | null) => (t === null ? null : r.text(t));
  return {
    ...s,
    url: r.url(s.url),
    frameUrl: r.url(s.frameUrl),
    protocols: s.protocols.map(r.text),
    protocol: maybe(s.protocol),
    close: s.close && {
      ...s.close,
      reason: r.text(s.close.reason),
      ...(s.close.application && { application: redactApplication(s.close.application, r) }),
    },
    closeCall: s.closeCall && { ...s.closeCall, reason: maybe(s.closeCall.reason) },
    injection: s.injection && { ...s.injection, reason: maybe(s.injection.reason) },
    handshake: s.handshake && { ...s.handshake, url: r.url(s.handshake.url) },
    worker: s.worker && { ...s.worker, url: r.url(s.worker.url) },
    wire: s.wire && {
      ...s.wire,
      url: r.url(s.wire.url),
      headers: s.wire.headers && s.wire.headers.map((h) => ({ name: h.name, value: r.text(h.value) })),
      error: maybe(s.wire.error),
    },
    ...(s.messages && {
      // Binary previews are hex: nothing in them reads as a name or a token.
      messages: s.messages.map((m) => {
        const previewed = m.kind === 'text' && m.preview !== null ? { ...m, preview: r.text(m.preview) } : m;
        // The text before a rewrite holds what the preview held.
        const text =
          m.intercept?.original != null
            ? { ...previewed, intercept: { ...m.intercept, original: r.text(m.intercept.original) } }
            : previewed;
        // A decoded summary quotes the message: a token in a topic or an event's argument.
        return m.decoded ? { ...text, decoded: { ...m.decoded, summary: r.text(m.decoded.summary) } } : text;
      }),
    }),
  };
}

/** The application's goodbye quotes what the server sent: its reason, and in the explanation too. */
function redactApplication(a: CloseLogApplicationClose, r: Redactor): CloseLogApplicationClose {
  return {
    ...a,
    ...(a.reason !== undefined && { reason: r.text(a.reason) }),
    explanation: r.text(a.explanation),
  };
}

/** One socket with its secrets redacted (Copy summary), or as it is when `redact` is false. */
export function redactSocket(
  s: CloseLogSocket,
  options: RedactionOptions = DEFAULT_REDACTION,
): CloseLogSocket {
  return options.redact ? redactSocketWith(s, redactor(options)) : s;
}

/** The close log with its secrets redacted, or not, and saying which in its `redaction` field. */
export function redactCloseLog(log: CloseLog, options: RedactionOptions = DEFAULT_REDACTION): CloseLog {
  const r = redactor(options);
  const { sockets, ...head } = log;
  return {
    ...head,
    redaction: r.record,
    sockets: options.redact ? sockets.map((s) => redactSocketWith(s, r)) : sockets,
  };
}

/** The user's list as typed in a text box: names separated by commas, spaces or line breaks. */
export function parseSecretNames(input: string): string[] {
  return [...new Set(input.split(/[\s,]+/).filter(Boolean))];
}
