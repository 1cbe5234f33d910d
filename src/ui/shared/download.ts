/** Hands bytes made in the worker to the browser as a download (nothing leaves the machine). */
export function downloadBytes(bytes: Uint8Array<ArrayBuffer>, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  json: 'application/json',
} as const;

export function todayStamp(): string {
  return new Date().toISOString().slice(0, 10);
}
