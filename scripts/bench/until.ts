/** Polls `check` until it holds; the harness waits on conditions, never on fixed sleeps. */
export async function until(
  check: () => Promise<boolean>,
  failure: string,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(failure);
    await new Promise((r) => setTimeout(r, 50));
  }
}
