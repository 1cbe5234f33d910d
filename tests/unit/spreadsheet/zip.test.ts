import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/spreadsheet/read';
import { scanZip } from '../../../src/spreadsheet/read/zip';
import { CLIENT_ROWS, buildXlsx, writeZip } from '../../support/spreadsheets/build';

/** Offsets of the first local header and the first central directory entry of a `writeZip` output. */
function offsets(bytes: Uint8Array): { local: number; central: number } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { local: 0, central: view.getUint32(bytes.length - 22 + 16, true) };
}

function patch(bytes: Uint8Array, edit: (view: DataView, at: { local: number; central: number }) => void): Uint8Array {
  const copy = bytes.slice();
  edit(new DataView(copy.buffer), offsets(copy));
  return copy;
}

const sample = () => writeZip([{ name: 'xl/workbook.xml', data: '<workbook/>'.repeat(50) }]);

describe('scanZip', () => {
  it('lists the entries of a real workbook with their sizes', () => {
    const scan = scanZip(buildXlsx(CLIENT_ROWS), DEFAULT_LIMITS);
    expect(scan.kind).toBe('ok');
    if (scan.kind !== 'ok') return;
    expect(scan.entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
    expect(scan.entries.every((e) => e.uncompressedSize > 0 && e.dataOffset > 0)).toBe(true);
  });

  it.each<[string, (view: DataView, at: { local: number; central: number }) => void, string]>([
    ['local size differs from the directory (SheetJS would allocate the local one)', (v, at) => v.setUint32(at.local + 22, 900_000_000, true), 'corrupt'],
    ['entry flagged as encrypted (ZIP password)', (v, at) => v.setUint16(at.central + 8, 0x0801, true), 'encrypted'],
    ['unknown compression method', (v, at) => (v.setUint16(at.central + 10, 12, true), v.setUint16(at.local + 8, 12, true)), 'corrupt'],
    ['local header offset pointing nowhere', (v, at) => v.setUint32(at.central + 42, 5, true), 'corrupt'],
    ['directory signature missing', (v, at) => v.setUint32(at.central, 0x12345678, true), 'corrupt'],
    ['ZIP64 directory offset', (v, at) => v.setUint32(at.central + 42, 0xffffffff, true), 'bomb'],
  ])('%s → %s', (_, edit, kind) => {
    expect(scanZip(patch(sample(), edit), DEFAULT_LIMITS).kind).toBe(kind);
  });

  it('accepts a streamed entry whose local sizes are 0 with a data descriptor flag', () => {
    const streamed = patch(sample(), (v, at) => {
      v.setUint16(at.local + 6, 0x0808, true);
      v.setUint32(at.local + 18, 0, true);
      v.setUint32(at.local + 22, 0, true);
    });
    expect(scanZip(streamed, DEFAULT_LIMITS).kind).toBe('ok');
  });

  it('reads real sizes from a ZIP64 extra field', () => {
    // Central entry with both sizes marked 0xFFFFFFFF and an extra field holding them.
    const name = new TextEncoder().encode('a.xml');
    const data = new TextEncoder().encode('<a/>');
    const extra = new Uint8Array(20);
    const ev = new DataView(extra.buffer);
    ev.setUint16(0, 1, true);
    ev.setUint16(2, 16, true);
    ev.setUint32(4, data.length, true);
    ev.setUint32(12, data.length, true);
    const local = new Uint8Array(30 + name.length + extra.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, 0xffffffff, true);
    lv.setUint32(22, 0xffffffff, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, extra.length, true);
    local.set(name, 30);
    local.set(extra, 30 + name.length);
    local.set(data, 30 + name.length + extra.length);
    const central = new Uint8Array(46 + name.length + extra.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, 0xffffffff, true);
    cv.setUint32(24, 0xffffffff, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, extra.length, true);
    central.set(name, 46);
    central.set(extra, 46 + name.length);
    const end = new Uint8Array(22);
    const endView = new DataView(end.buffer);
    endView.setUint32(0, 0x06054b50, true);
    endView.setUint16(8, 1, true);
    endView.setUint32(12, central.length, true);
    endView.setUint32(16, local.length, true);
    const zip = new Uint8Array([...local, ...central, ...end]);
    const scan = scanZip(zip, DEFAULT_LIMITS);
    expect(scan).toMatchObject({ kind: 'ok', entries: [{ name: 'a.xml', uncompressedSize: 4, compressedSize: 4 }] });
  });
});
