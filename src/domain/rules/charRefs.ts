/**
 * Numeric character references ("&#128512;", "&#x1F600;", "Jo&#227;o") that a web system wrote into a
 * cell instead of the character, usually emoji or accents escaped twice on their way to a CSV: read as
 * the character they stand for. Only whole, valid references are replaced (no surrogate halves, no
 * control characters), so text that merely contains "&#" is left alone.
 */
const CHAR_REF = /&#(?:x([0-9a-f]{1,6})|(\d{1,7}));/gi;

function isPrintableCodePoint(code: number): boolean {
  return code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && !(code >= 0x7f && code <= 0x9f);
}

export function decodeCharRefs(text: string): string {
  if (!text.includes('&#')) return text;
  return text.replace(CHAR_REF, (whole, hex: string | undefined, decimal: string | undefined) => {
    const code = hex !== undefined ? parseInt(hex, 16) : Number(decimal);
    return isPrintableCodePoint(code) ? String.fromCodePoint(code) : whole;
  });
}
