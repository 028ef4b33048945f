import { HAR_CREATOR, base64ToHex } from '../export/har';

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isHar(json: unknown): boolean {
  return isObject(json) && isObject(json.log) && Array.isArray(json.log.entries);
}

/**
 * A HAR this extension wrote, turned back into close log form, for the close log schema to
 * validate: sockets from the entries' `_webSocketClose`, message previews from their
 * `_webSocketMessages`. A HAR from elsewhere has no close facts to show: an error text.
 */
export function harToCloseLog(har: Json): { ok: true; candidate: unknown } | { ok: false; error: string } {
  const log = har.log as Json;
  const header = log._webSocketCloseLog;
  if (!isObject(header)) {
    const creator =
      isObject(log.creator) && typeof log.creator.name === 'string' ? log.creator.name : 'an unknown tool';
    return {
      ok: false,
      error: `it is a HAR file from ${creator}, not one exported by ${HAR_CREATOR}: only those carry the close facts`,
    };
  }
  const entries = (log.entries as unknown[]).filter(
    (e): e is Json => isObject(e) && e._resourceType === 'websocket',
  );
  return {
    ok: true,
    candidate: {
      ...header,
      sockets: entries.map((e) =>
        isObject(e._webSocketClose)
          ? { ...e._webSocketClose, messages: messagesOf(e._webSocketMessages) }
          : e._webSocketClose,
      ),
    },
  };
}

/** Chrome's message form back to the close log's; anything malformed is left for the schema to reject. */
function messagesOf(messages: unknown): unknown {
  if (!Array.isArray(messages)) return messages;
  return messages.map((m: unknown) => {
    if (!isObject(m) || typeof m.time !== 'number' || typeof m.data !== 'string') return m;
    const binary = m.opcode === 2;
    let preview: string | null = m.data;
    if (binary) {
      try {
        preview = base64ToHex(m.data);
      } catch {
        return m; // not base64: the schema reports it
      }
    }
    return {
      // Seconds back to milliseconds, rounded to the microsecond: * 1000 alone leaves float noise.
      t: Math.round(m.time * 1e6) / 1e3,
      dir: m.type === 'send' ? 'sent' : m.type === 'receive' ? 'received' : m.type,
      kind: binary ? 'binary' : 'text',
      jsType: m._jsType ?? (binary ? 'ArrayBuffer' : 'string'),
      size: m._size ?? m.data.length,
      preview,
      truncated: m._truncated ?? false,
      ...(m._tester === true ? { tester: true } : {}),
      ...(m._intercept !== undefined && { intercept: m._intercept }),
      ...(m._decoded !== undefined && { decoded: m._decoded }),
    };
  });
}
