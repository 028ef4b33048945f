/** A close() call as made, reason included (as a JSON string: it is untrusted text): `close(4001, "bye")`. */
export function closeCallText(code: number | null, reason: string | null): string {
  return `close(${code ?? ''}${reason !== null ? `, ${JSON.stringify(reason)}` : ''})`;
}

/** What the tester did from the panel: a simulated drop, or a close call as the page would make it. */
export function injectionText(injection: {
  action: 'close' | 'drop';
  code: number | null;
  reason: string | null;
}): string {
  return injection.action === 'drop'
    ? 'simulated drop'
    : closeCallText(injection.code, injection.reason || null);
}
