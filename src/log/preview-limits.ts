/**
 * Caps on message previews held by the panel. Counts and byte totals stay exact beyond them;
 * only the oldest previews go. Per socket, so one chatty socket cannot starve the others; in
 * total, so a thousand sockets cannot exhaust the panel.
 */
export interface PreviewLimits {
  perSocket: number;
  total: number;
  /** Preview text held in total, in UTF-16 units (about two bytes each). */
  totalChars: number;
}

export const DEFAULT_PREVIEW_LIMITS: PreviewLimits = {
  perSocket: 100_000,
  total: 250_000,
  totalChars: 16_000_000,
};
