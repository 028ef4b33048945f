/**
 * Where a list's selection moves for a key, as in the Network panel: arrows, Home/End,
 * PageUp/PageDown. `current` is -1 when nothing is selected; null means "not a list key".
 */
export function listKeyTarget(key: string, current: number, count: number, page: number): number | null {
  if (count === 0) return null;
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 ? 0 : Math.min(last, current + 1);
    case 'ArrowUp':
      return current < 0 ? 0 : Math.max(0, current - 1);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(last, Math.max(current, 0) + Math.max(page, 1));
    case 'PageUp':
      return Math.max(0, current - Math.max(page, 1));
    default:
      return null;
  }
}
