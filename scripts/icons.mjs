// Draws the app's PNG icons (the "C" of public/favicon.svg) with no image library: `node scripts/icons.mjs`.
// Writes public/icons/icon-192.png, icon-512.png, maskable-512.png and apple-touch-icon.png (180 px).
// The PNGs are committed; run this again only when the design changes.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BLUE = [0x1f, 0x5f, 0xbf];
const WHITE = [0xff, 0xff, 0xff];
const SAMPLES = 4;

/** Coverage of the "C" at (x, y) in the 64×64 design space of favicon.svg. */
function inGlyph(x, y) {
  const [cx, cy, r, half] = [32, 32, 16, 4];
  const capAngle = Math.atan2(10, 12);
  const angle = Math.atan2(y - cy, x - cx);
  const ring = Math.abs(Math.hypot(x - cx, y - cy) - r) <= half && Math.abs(angle) >= capAngle;
  const cap = Math.hypot(x - 44, y - 22) <= half || Math.hypot(x - 44, y - 42) <= half;
  return ring || cap;
}

function inRoundedSquare(x, y, radius) {
  const dx = Math.max(radius - x, 0, x - (64 - radius));
  const dy = Math.max(radius - y, 0, y - (64 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

/** `maskable`: full-bleed background and the glyph shrunk into the safe zone (a centred circle of 80%). */
function draw(size, maskable) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = ((px + (sx + 0.5) / SAMPLES) / size) * 64;
          const y = ((py + (sy + 0.5) / SAMPLES) / size) * 64;
          const inside = maskable || inRoundedSquare(x, y, 14);
          if (!inside) continue;
          bg++;
          const scale = maskable ? 0.7 : 1;
          if (inGlyph(32 + (x - 32) / scale, 32 + (y - 32) / scale)) fg++;
        }
      }
      const total = SAMPLES * SAMPLES;
      const offset = (py * size + px) * 4;
      const mix = bg === 0 ? 0 : fg / bg;
      for (let c = 0; c < 3; c++) pixels[offset + c] = Math.round(BLUE[c] * (1 - mix) + WHITE[c] * mix);
      pixels[offset + 3] = Math.round((bg / total) * 255);
    }
  }
  return encodePng(size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, no filter method, no interlace
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = new URL('../public/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
writeFileSync(new URL('icon-192.png', out), draw(192, false));
writeFileSync(new URL('icon-512.png', out), draw(512, false));
writeFileSync(new URL('maskable-512.png', out), draw(512, true));
// iOS draws its own rounded corners and shows transparency as black: a full square.
writeFileSync(new URL('apple-touch-icon.png', out), draw(180, true));
