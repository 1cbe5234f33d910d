/**
 * Record ids that sort by when they were made: UUIDs of version 7 (RFC 9562), a millisecond timestamp, a
 * counter within the millisecond and 62 random bits, written as the usual 36 characters.
 *
 * Why not `crypto.randomUUID()`: IndexedDB keeps a store in key order, and a new key next to the last one
 * costs less to insert than one anywhere in a large store. Measured on a Chromium profile on disk
 * (01/12/2026, raw IndexedDB, 160,000 client-like records with the app's indexes, 20,000 per transaction):
 * 102 s with ordered keys, 160 s with random ones. The random bits keep two machines of a shared register
 * from ever making the same id.
 */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
const COUNTER_MAX = 0xfff;

let lastMs = -1;
let counter = 0;

/** The next id: strictly after every id this thread made before (within one tab's worker or page). */
export function newId(now: number = Date.now()): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  if (now > lastMs) {
    lastMs = now;
    // Starts low in the counter's range, at random, leaving room for the ids of the same millisecond.
    counter = (bytes[6] ?? 0) & 0x3ff;
  } else if (counter < COUNTER_MAX) {
    counter++;
  } else {
    // 4,096 ids in one millisecond: the next ones borrow the following millisecond, still in order.
    lastMs++;
    counter = 0;
  }
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  let id = '';
  for (let i = 0; i < 16; i++) {
    if (i === 4 || i === 6 || i === 8 || i === 10) id += '-';
    id += HEX[bytes[i] ?? 0];
  }
  return id;
}
