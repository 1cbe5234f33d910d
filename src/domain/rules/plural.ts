/** Portuguese counting words for the messages: "1 dígito", "10 dígitos". */
export function countDigits(count: number): string {
  return count === 1 ? '1 dígito' : `${count} dígitos`;
}
