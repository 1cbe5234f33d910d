/**
 * Names and free text (DESIGN.md §4): trimmed, inner white space collapsed, case kept as typed
 * (an ALL-CAPS name from an ERP stays ALL CAPS: forcing title case breaks "da", "McDonald", "LTDA").
 * No problem codes: any text is acceptable.
 */
import type { RuleResult } from '../problems';

/**
 * Zero-width characters and the BOM that copy-paste from web pages and PDFs leaves in cells. The
 * zero-width joiner (ZWJ, U+200D) is also what glues emoji sequences together (the woman judge is
 * 👩 + ZWJ + ⚖ + U+FE0F, the family 👨 + ZWJ + 👩 + ZWJ + 👧): it is kept between two pictographs (the first
 * one may carry a skin tone and the U+FE0F "show as emoji" selector) and removed anywhere else
 * ("Ma\u200dria" → "Maria").
 */
const INVISIBLE = /[\u200b\u200c\u2060\ufeff]|(?<!\p{Extended_Pictographic}\p{Emoji_Modifier}?\u{fe0f}?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;
/** Control characters other than tab and line breaks (they come from broken exports). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** One line of text: every run of white space (tab, new line, non-breaking space) becomes one space. */
export function parseText(raw: string): RuleResult<string> {
  const value = raw.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return { data: value === '' ? null : value, problems: [] };
}

/**
 * Long text (notes): like parseText but line breaks are kept (at most one empty line in a row), since
 * people write notes as lists.
 */
export function parseLongText(raw: string): RuleResult<string> {
  const lines = raw
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim());
  const value = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { data: value === '' ? null : value, problems: [] };
}
