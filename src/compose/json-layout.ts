/**
 * Valid JSON laid out again, pretty (two-space indent) or compact, token by token: strings,
 * numbers and key order stay exactly as written, where JSON.parse then stringify would round
 * large numbers and drop duplicate keys. Call it only on text JSON.parse accepts.
 */
export function layoutJson(text: string, pretty: boolean): string {
  let out = '';
  let depth = 0;
  const newline = () => (pretty ? `\n${'  '.repeat(depth)}` : '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '"') {
      const end = stringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === '{' || c === '[') {
      const next = nextToken(text, i + 1);
      if (next === '}' || next === ']') {
        out += c + next;
        i = text.indexOf(next, i + 1);
      } else {
        depth++;
        out += c + newline();
      }
    } else if (c === '}' || c === ']') {
      depth--;
      out += newline() + c;
    } else if (c === ',') out += c + newline();
    else if (c === ':') out += pretty ? ': ' : ':';
    else if (!/\s/.test(c)) out += c;
  }
  return out;
}

/** One past the closing quote of the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  return text.length;
}

function nextToken(text: string, from: number): string {
  for (let i = from; i < text.length; i++) if (!/\s/.test(text[i] ?? '')) return text[i] ?? '';
  return '';
}
