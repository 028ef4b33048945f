/**
 * Polls `check` until it yields something truthy, and returns that; the harness waits on
 * conditions, never on fixed sleeps.
 */
export async function until<T>(
  check: () => Promise<T | false | null | undefined>,
  failure: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 50));
  }
}
