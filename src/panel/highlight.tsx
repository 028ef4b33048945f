/** Text with every case-insensitive occurrence of `needle` marked; always rendered as text. */
export function Highlight({ text, needle }: { text: string; needle: string }) {
  if (!needle) return <>{text}</>;
  const lower = text.toLowerCase();
  const n = needle.toLowerCase();
  const parts = [];
  let from = 0;
  for (let at = lower.indexOf(n); at !== -1; at = lower.indexOf(n, from)) {
    if (at > from) parts.push(text.slice(from, at));
    parts.push(<mark key={at}>{text.slice(at, at + n.length)}</mark>);
    from = at + n.length;
  }
  parts.push(text.slice(from));
  return <>{parts}</>;
}
