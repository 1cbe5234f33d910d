/**
 * Names and free text (DESIGN.md §4): trimmed, inner white space collapsed, case kept as typed
 * (an ALL-CAPS name from an ERP stays ALL CAPS: forcing title case breaks "da", "McDonald", "LTDA").
 * Any text is acceptable; bidirectional control characters are removed (so a name cannot be spoofed).
 *
 * Problem codes:
 *   text.bidi_removed  fix  Characters that change the direction of the writing were removed.
 */
import { ruleProblem, type RuleProblem, type RuleResult } from '../problems';
import { decodeCharRefs } from './charRefs';

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

/**
 * Bidirectional controls (right-to-left override, isolates, marks): invisible, they reorder what is shown,
 * so "Ana\u202Eairam" displays as another name than the one stored. Names of this register are written
 * left to right; the characters are removed and the removal said.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

function stripBidi(raw: string): { text: string; problems: RuleProblem[] } {
  const text = raw.replace(BIDI, '');
  if (text === raw) return { text, problems: [] };
  return { text, problems: [ruleProblem('text.bidi_removed', 'fix', raw, 'O texto tinha caracteres invisíveis que mudam a direção da escrita (usados para disfarçar um nome, fazendo-o aparecer diferente do que está gravado); eles foram removidos.')] };
}

/** One line of text: every run of white space (tab, new line, non-breaking space) becomes one space. */
export function parseText(raw: string): RuleResult<string> {
  // A reference ("&#8238;") is decoded first, so what it stands for goes through the same checks.
  const { text, problems } = stripBidi(decodeCharRefs(raw));
  const value = text.replace(INVISIBLE, '').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return { data: value === '' ? null : value, problems: value === '' ? [] : problems };
}

/**
 * Long text (notes): like parseText but line breaks are kept (at most one empty line in a row), since
 * people write notes as lists.
 */
export function parseLongText(raw: string): RuleResult<string> {
  const { text, problems } = stripBidi(decodeCharRefs(raw));
  const lines = text
    .replace(INVISIBLE, '')
    .replace(CONTROL, '')
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/\s+/g, ' ').trim());
  const value = lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return { data: value === '' ? null : value, problems: value === '' ? [] : problems };
}
