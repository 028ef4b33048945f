/** A delay as a person would say it: "10 ms", "1.19 s", "5 s", "24.3 s", "1 min". */
export function formatDelay(exact: number): string {
  const ms = Math.max(0, Math.round(exact));
  if (ms < 1000) return `${ms} ms`;
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  const s = ms / 1000;
  return `${trim(s < 10 ? s.toFixed(2) : s < 100 ? s.toFixed(1) : s.toFixed(0))} s`;
}

export function formatFactor(factor: number): string {
  return `×${trim(factor.toFixed(2))}`;
}

/** A fraction as a signed whole percentage: "+25%", "−17%", "0%". */
export function formatPercent(fraction: number): string {
  const pct = Math.round(fraction * 100);
  return pct < 0 ? `−${-pct}%` : pct > 0 ? `+${pct}%` : '0%';
}

function trim(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
