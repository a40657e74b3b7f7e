// Draws the DF Desk app icon (a white "D" with a green "session alive" dot on an indigo rounded square) and
// writes build-resources/icon.png (512×512 RGBA), which electron-builder turns into .ico/.icns/Linux icons.
// Deterministic and dependency-free: `node scripts/make-icon.mjs` rewrites the same bytes.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const size = 512;
const samples = 4; // 4×4 supersampling for smooth edges

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

function inRoundedSquare(x, y) {
  const m = 16;
  const r = 104;
  const cx = Math.min(Math.max(x, m + r), size - m - r);
  const cy = Math.min(Math.max(y, m + r), size - m - r);
  return x >= m && x <= size - m && y >= m && y <= size - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}
function inHalfEllipse(x, y, cx, cy, rx, ry) {
  return x >= cx && ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1;
}
function inD(x, y) {
  const outer = (x >= 144 && x <= 232 && y >= 128 && y <= 384) || inHalfEllipse(x, y, 232, 256, 140, 128);
  const inner = (x >= 206 && x <= 232 && y >= 188 && y <= 324) || inHalfEllipse(x, y, 232, 256, 80, 68);
  return outer && !inner;
}
function inDot(x, y, r) {
  return (x - 392) ** 2 + (y - 132) ** 2 <= r * r;
}

// Colour of one sample point, or null when it is outside the icon (transparent).
function sample(x, y) {
  if (!inRoundedSquare(x, y)) return null;
  if (inDot(x, y, 30)) return [34, 197, 94];
  if (inDot(x, y, 42)) return [255, 255, 255];
  if (inD(x, y)) return [255, 255, 255];
  const t = y / size; // indigo → violet, top to bottom
  return [Math.round(79 + (124 - 79) * t), Math.round(70 + (58 - 70) * t), Math.round(229 + (237 - 229) * t)];
}

const raw = Buffer.alloc(size * (1 + size * 4));
for (let y = 0; y < size; y++) {
  const row = y * (1 + size * 4);
  raw[row] = 0; // filter: none
  for (let x = 0; x < size; x++) {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < samples; sy++) {
      for (let sx = 0; sx < samples; sx++) {
        const c = sample(x + (sx + 0.5) / samples, y + (sy + 0.5) / samples);
        if (c === null) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        a += 1;
      }
    }
    const o = row + 1 + x * 4;
    if (a > 0) {
      raw[o] = Math.round(r / a);
      raw[o + 1] = Math.round(g / a);
      raw[o + 2] = Math.round(b / a);
    }
    raw[o + 3] = Math.round((255 * a) / (samples * samples));
  }
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(size, 0);
ihdr.writeUInt32BE(size, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('../build-resources/icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`wrote ${target.pathname} (${png.length} bytes)`);
