/** Turns the bytes of a CSV/TXT into text: finds the encoding, refuses binary files. */

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** `droppedNuls`: NUL characters removed from a text file (a few are left by old systems' exports). */
export type Decoded = { kind: 'text'; text: string; encoding: TextEncodingName; droppedNuls?: number } | { kind: 'binary' };

const SAMPLE = 64 * 1024;

/** UTF-16 without a BOM shows as a NUL in every other byte (ASCII text): odd bytes for LE, even bytes for BE. */
function guessUtf16(bytes: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(bytes.length, 4096) >> 1;
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Windows-1252's characters for bytes 0x80–0x9F (the five unassigned bytes stay as they are). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Some engines (Node 20 among them) decode "windows-1252" as Latin-1, leaving 0x80–0x9F as invisible
 * C1 controls instead of €, “, ”, – …; mapping them again gives the same text everywhere.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252').decode(bytes).replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
}

/** Decodes with the BOM's encoding, else UTF-16 by its NUL pattern, else strict UTF-8, else Windows-1252. */
function decodeWithGuess(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  // TextDecoder drops the BOM of its own encoding, so the first header never starts with U+FEFF.
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be' };
  const utf16 = guessUtf16(bytes);
  if (utf16) return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16 };
  try {
    // Strict: one invalid sequence means the file is not UTF-8 (Excel's "CSV" on Windows writes Windows-1252).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * More than 1% NUL characters, or more than 2% other control characters than tab, line breaks, form feed
 * and the old DOS end mark. A few NULs (padding left by an old system's export) do not make a text binary.
 */
function looksBinary(text: string): boolean {
  const length = Math.min(text.length, SAMPLE);
  let controls = 0;
  let nuls = 0;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) nuls++;
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1a) || c === 0x7f) controls++;
  }
  return nuls > length * 0.01 || controls > length * 0.02;
}

export function decodeText(bytes: Uint8Array): Decoded {
  const { text, encoding } = decodeWithGuess(bytes);
  if (looksBinary(text)) return { kind: 'binary' };
  if (!text.includes('\0')) return { kind: 'text', text, encoding };
  const clean = text.replace(/\0/g, '');
  return { kind: 'text', text: clean, encoding, droppedNuls: text.length - clean.length };
}
