/**
 * The toolbar badge: the tab's abnormal closes, and "R" while interception rules run on it (a
 * page whose messages the extension may be changing must say so where it is seen, not only in
 * DevTools). The title says it in words.
 */
export function badgeText(abnormal: number, intercepting: boolean): string {
  const count = abnormal > 0 ? String(abnormal) : '';
  if (!intercepting) return count;
  return count === '' ? 'R' : `${count}·R`;
}

export function badgeTitle(intercepting: boolean): string {
  return intercepting
    ? 'WebSocket Close Inspector: interception rules are changing this tab’s messages'
    : 'WebSocket Close Inspector';
}
