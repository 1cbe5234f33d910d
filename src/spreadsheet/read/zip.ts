/**
 * Reads a ZIP's central directory by hand, before SheetJS unzips anything, so a ZIP bomb or a truncated
 * file is refused without expanding a byte. Mirrors what SheetJS's unzip trusts: the last end-of-central-
 * directory record, the entry count on this disk, and the sizes in the local headers (which it uses to
 * allocate the output), so the checked numbers are the numbers that will be used.
 *
 * Limit of this defence: a streamed entry (sizes only after the data) is inflated by SheetJS into a
 * growing buffer, so a directory lying about its size is caught by the ratio/total checks only as far
 * as DEFLATE's own ~1:1032 ceiling allows; the byte limit on the file bounds that.
 */
import type { ReadLimits } from './limits';

export interface ZipEntry {
  /** As stored, with `\` turned into `/` and no leading `/`. */
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the entry's data starts (after its local header). */
  dataOffset: number;
}

export type ZipScan =
  | { kind: 'ok'; entries: ZipEntry[] }
  | { kind: 'corrupt' }
  | { kind: 'encrypted' }
  | { kind: 'bomb' };

type ZipLimits = Pick<ReadLimits, 'maxUncompressedBytes' | 'maxCompressionRatio' | 'ratioCheckMinBytes' | 'maxZipEntries'>;

const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
/** A 32-bit size or offset of 0xFFFFFFFF means "see the ZIP64 extra field". */
const ZIP64_MARK = 0xffffffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;

class Truncated extends Error {}

/** Little-endian reads that fail loudly (caught below as "corrupt") instead of reading past the end. */
function reader(bytes: Uint8Array) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const check = (offset: number, size: number) => {
    if (offset < 0 || offset + size > bytes.length) throw new Truncated();
  };
  return {
    u16: (offset: number) => (check(offset, 2), view.getUint16(offset, true)),
    u32: (offset: number) => (check(offset, 4), view.getUint32(offset, true)),
    u64: (offset: number) => (check(offset, 8), view.getUint32(offset, true) + view.getUint32(offset + 4, true) * 2 ** 32),
    check,
  };
}

type Reader = ReturnType<typeof reader>;

function findEndRecord(bytes: Uint8Array): number {
  // Same search as SheetJS: the last "PK\5\6" signature in the file, scanning backwards.
  for (let i = bytes.length - 4; i >= 0; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Real sizes from a ZIP64 extra field (id 1), present only for the fields marked 0xFFFFFFFF, in this order. */
function readZip64Sizes(read: Reader, start: number, length: number, usz: number, csz: number): { usz: number; csz: number } | null {
  for (let p = start; p + 4 <= start + length; ) {
    const id = read.u16(p);
    const size = read.u16(p + 2);
    if (id !== 0x0001) {
      p += 4 + size;
      continue;
    }
    const wanted = (usz === ZIP64_MARK ? 8 : 0) + (csz === ZIP64_MARK ? 8 : 0);
    if (size < wanted) return null;
    const realUsz = usz === ZIP64_MARK ? read.u64(p + 4) : usz;
    const realCsz = csz === ZIP64_MARK ? read.u64(p + 4 + (usz === ZIP64_MARK ? 8 : 0)) : csz;
    return { usz: realUsz, csz: realCsz };
  }
  return null;
}

function decodeName(bytes: Uint8Array): string {
  let name = '';
  for (const b of bytes) name += String.fromCharCode(b);
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

function isAbsurd(usz: number, csz: number, limits: ZipLimits): boolean {
  return usz > limits.ratioCheckMinBytes && usz / Math.max(csz, 1) > limits.maxCompressionRatio;
}

type EntryCheck = ZipEntry | 'corrupt' | 'encrypted' | 'bomb';

/** Reads one central directory entry at `p` and checks it against its local header. */
function checkEntry(read: Reader, bytes: Uint8Array, p: number, cdStart: number, limits: ZipLimits): { entry: EntryCheck; next: number } {
  if (read.u32(p) !== CENTRAL_SIGNATURE) return { entry: 'corrupt', next: p };
  const flags = read.u16(p + 8);
  const method = read.u16(p + 10);
  const nameLength = read.u16(p + 28);
  const extraLength = read.u16(p + 30);
  const next = p + 46 + nameLength + extraLength + read.u16(p + 32);
  read.check(p + 46, nameLength + extraLength);
  let csz = read.u32(p + 20);
  let usz = read.u32(p + 24);
  const localOffset = read.u32(p + 42);
  if (flags & FLAG_ENCRYPTED) return { entry: 'encrypted', next };
  if (localOffset === ZIP64_MARK) return { entry: 'bomb', next };
  if (usz === ZIP64_MARK || csz === ZIP64_MARK) {
    const real = readZip64Sizes(read, p + 46 + nameLength, extraLength, usz, csz);
    if (!real) return { entry: 'bomb', next };
    ({ usz, csz } = real);
  }
  if (isAbsurd(usz, csz, limits)) return { entry: 'bomb', next };
  if (method !== 0 && method !== 8) return { entry: 'corrupt', next };
  if (method === 0 && usz !== csz) return { entry: 'corrupt', next };

  if (read.u32(localOffset) !== LOCAL_SIGNATURE) return { entry: 'corrupt', next };
  const localFlags = read.u16(localOffset + 6);
  let localCsz = read.u32(localOffset + 18);
  let localUsz = read.u32(localOffset + 22);
  const localName = read.u16(localOffset + 26);
  const localExtra = read.u16(localOffset + 28);
  const dataOffset = localOffset + 30 + localName + localExtra;
  if (localUsz === ZIP64_MARK || localCsz === ZIP64_MARK) {
    const real = readZip64Sizes(read, localOffset + 30 + localName, localExtra, localUsz, localCsz);
    if (!real) return { entry: 'bomb', next };
    ({ usz: localUsz, csz: localCsz } = real);
  }
  // Streamed writers leave the local sizes at 0 and put them after the data; otherwise they must agree,
  // because SheetJS sizes its output buffer from the local header.
  const deferred = (localFlags & FLAG_DATA_DESCRIPTOR) !== 0 && localUsz === 0 && localCsz === 0;
  if (!deferred && (localUsz !== usz || localCsz !== csz)) return { entry: 'corrupt', next };
  if (dataOffset + csz > cdStart) return { entry: 'corrupt', next };
  const name = decodeName(bytes.subarray(p + 46, p + 46 + nameLength));
  return { entry: { name, method, compressedSize: csz, uncompressedSize: usz, dataOffset }, next };
}

export function scanZip(bytes: Uint8Array, limits: ZipLimits): ZipScan {
  const read = reader(bytes);
  try {
    const end = findEndRecord(bytes);
    if (end < 0) return { kind: 'corrupt' };
    const count = read.u16(end + 8);
    const cdSize = read.u32(end + 12);
    const cdStart = read.u32(end + 16);
    if (count === 0xffff || cdSize === ZIP64_MARK || cdStart === ZIP64_MARK) return { kind: 'bomb' };
    if (count > limits.maxZipEntries) return { kind: 'bomb' };
    if (cdStart + cdSize > end) return { kind: 'corrupt' };
    const entries: ZipEntry[] = [];
    let total = 0;
    for (let i = 0, p = cdStart; i < count; i++) {
      const { entry, next } = checkEntry(read, bytes, p, cdStart, limits);
      if (typeof entry === 'string') return { kind: entry };
      total += entry.uncompressedSize;
      if (total > limits.maxUncompressedBytes) return { kind: 'bomb' };
      entries.push(entry);
      p = next;
    }
    return { kind: 'ok', entries };
  } catch (error) {
    if (error instanceof Truncated) return { kind: 'corrupt' };
    throw error;
  }
}
