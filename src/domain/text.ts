/** Text helpers shared by the rules and the header matching. Pure functions. */

/** Lowercase, no accents, punctuation turned into single spaces: "E-mail 1 – Value" → "e mail 1 value". */
export function toMatchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Trim and collapse inner white space (including non-breaking spaces). */
export function collapseSpaces(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

export function onlyDigits(text: string): string {
  return text.replace(/\D+/g, '');
}

/** Spreadsheet column letter for a zero-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** Text for an element or an attribute value of HTML or XML. */
export function escapeMarkup(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
