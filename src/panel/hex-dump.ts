/** Lines of a classic hex dump: offset, 16 bytes in hex, and their printable ASCII. */
export function hexDump(hex: string): { offset: string; bytes: string; ascii: string }[] {
  const lines = [];
  for (let i = 0; i < hex.length; i += 32) {
    const chunk = hex.slice(i, i + 32);
    const bytes = chunk.match(/../g) ?? [];
    lines.push({
      offset: (i / 2).toString(16).padStart(8, '0'),
      bytes: bytes.join(' '),
      ascii: bytes
        .map((b) => {
          const c = parseInt(b, 16);
          return c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : '.';
        })
        .join(''),
    });
  }
  return lines;
}
