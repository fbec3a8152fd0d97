/**
 * Test-only GB18030 encoder for BMP characters in the two-byte range (all of GBK): built by decoding every
 * two-byte sequence once, so the fixtures are real GBK bytes without an encoding library.
 */
let table: Map<string, number[]> | undefined;

function buildTable(): Map<string, number[]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      try {
        const char = decoder.decode(Uint8Array.of(lead, trail));
        if (!map.has(char)) map.set(char, [lead, trail]);
      } catch {
        // Not a two-byte code: skip.
      }
    }
  }
  return map;
}

/** Encodes text as GBK/GB18030 bytes; throws on a character outside the two-byte range. */
export function encodeGb(text: string): Buffer {
  table ??= buildTable();
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = table.get(char);
    if (!pair) throw new Error(`no two-byte GB code for ${char}`);
    bytes.push(...pair);
  }
  return Buffer.from(bytes);
}
