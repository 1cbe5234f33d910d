/**
 * Exports that keep several kinds of document in one column put the kind beside it ("Tipo Documento" =
 * RG, "Documento" = 12.345.678-9): such a column is not the client's CPF/CNPJ, whatever its header says.
 */
import { toMatchKey } from '../text';
import type { ColumnSample, Mapping } from './index';

/** Names of documents that are not a CPF or a CNPJ, as a label column writes them. */
const OTHER_DOCUMENT = /^(?:rg|cnh|rne|rnm|crnm|ric|passaporte|passport|identidade|carteira de identidade|ctps|titulo de eleitor|certidao|pis|nis|pasep|oab|crm|crea|ie|inscricao estadual)$/;
const RG_LIKE = /^(?:rg|identidade|carteira de identidade|ric|ie|inscricao estadual)$/;
/** Share of a label column's values that must name other documents. */
const THRESHOLD = 0.8;

function labelsOf(column: ColumnSample | undefined): string[] {
  return (column?.values ?? []).map((value) => toMatchKey(value)).filter((label) => label !== '');
}

/**
 * A column mapped to CPF/CNPJ whose unmapped neighbour (left or right) says, row after row, that it holds
 * RG, CNH or another document: it goes to RG/Inscrição estadual when the labels are RGs and that field is
 * free, else to "Ignorar coluna".
 */
export function dropOtherDocuments(columns: readonly ColumnSample[], mapping: Mapping): void {
  mapping.forEach((key, index) => {
    if (key !== 'document') return;
    for (const neighbour of [index - 1, index + 1]) {
      if (mapping[neighbour] !== null) continue;
      const labels = labelsOf(columns[neighbour]);
      if (labels.length === 0 || labels.filter((label) => OTHER_DOCUMENT.test(label)).length < labels.length * THRESHOLD) continue;
      const rg = labels.every((label) => RG_LIKE.test(label)) && !mapping.includes('rgIe');
      mapping[index] = rg ? 'rgIe' : null;
      return;
    }
  });
}
