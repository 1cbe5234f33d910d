/** "1.000": a count in Brazilian format. */
export function formatCount(count: number): string {
  return count.toLocaleString('pt-BR');
}

/** "1 linha de dados", "1.000 linhas de dados": a count in Brazilian format with the word that agrees. */
export function countOf(count: number, singular: string, plural: string): string {
  return `${formatCount(count)} ${count === 1 ? singular : plural}`;
}
