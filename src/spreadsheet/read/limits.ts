/** Size limits applied while reading a file, and how they are written in messages. */

export interface ReadLimits {
  /** Size of the file as uploaded. */
  maxBytes: number;
  /** Data rows of one sheet: rows below its first filled row. */
  maxRows: number;
  /** Columns of one sheet, counted up to its last filled column. */
  maxColumns: number;
  /** Sum of the sizes a ZIP (XLSX, XLSM, XLSB, ODS) declares for its contents once expanded. */
  maxUncompressedBytes: number;
  /** Expansion ratio above which a large ZIP entry is refused as a ZIP bomb. */
  maxCompressionRatio: number;
  /** The ratio check applies only to entries expanding beyond this size: small XML compresses very well. */
  ratioCheckMinBytes: number;
  /** Entries in a ZIP: a workbook has tens, hundreds at most. */
  maxZipEntries: number;
  /** Cells an ODS may create through its "repeat this cell N times" attributes. */
  maxRepeatedCells: number;
}

const MB = 1024 * 1024;

export const DEFAULT_LIMITS: ReadLimits = {
  maxBytes: 200 * MB,
  maxRows: 1_000_000,
  // CRM and ERP exports reach a few hundred columns; a sheet past 1.000 is a stray cell far to the right.
  maxColumns: 1_000,
  maxUncompressedBytes: 500 * MB,
  maxCompressionRatio: 200,
  ratioCheckMinBytes: 50 * MB,
  maxZipEntries: 10_000,
  maxRepeatedCells: 30_000_000,
};

export function resolveLimits(limits: Partial<ReadLimits> | undefined): ReadLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

const countFormat = new Intl.NumberFormat('pt-BR');

/** 1000000 → "1.000.000". */
export function formatCount(n: number): string {
  return countFormat.format(n);
}

/** Bytes as the user reads them: "200 MB", "1,5 MB", "12 KB". */
export function formatBytes(bytes: number): string {
  if (bytes >= MB) return `${new Intl.NumberFormat('pt-BR', { maximumFractionDigits: 1 }).format(bytes / MB)} MB`;
  return `${formatCount(Math.max(1, Math.ceil(bytes / 1024)))} KB`;
}
