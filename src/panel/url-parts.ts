/**
 * A socket URL split for a narrow cell: the path and query (what tells sockets of one page apart)
 * first, the host after it. Anything that is no URL (an imported file may hold anything) is all path.
 */
export function urlParts(url: string): { path: string; host: string } {
  try {
    const u = new URL(url);
    return { path: `${u.pathname}${u.search}`, host: u.host };
  } catch {
    return { path: url, host: '' };
  }
}
