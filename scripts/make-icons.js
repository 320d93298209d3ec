/**
 * Draws the add-in's icons (a balance: a bar on a stand, in the product's blue) as PNGs into assets/.
 * Run once with `node scripts/make-icons.js`; the PNGs are checked in.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const BLUE = [31, 78, 121, 255];
const WHITE = [255, 255, 255, 255];
function balance(u, v) {
  const inRoundedSquare = Math.max(Math.abs(u - 0.5), Math.abs(v - 0.5)) < 0.47;
  if (!inRoundedSquare) return [0, 0, 0, 0];
  const beam = v > 0.3 && v < 0.38 && u > 0.15 && u < 0.85;
  const post = u > 0.46 && u < 0.54 && v > 0.3 && v < 0.78;
  const base = v > 0.74 && v < 0.82 && u > 0.3 && u < 0.7;
  const panL = v > 0.5 && v < 0.56 && u > 0.12 && u < 0.36 && Math.abs(u - 0.24) * 0.5 < v - 0.38;
  const panR = v > 0.5 && v < 0.56 && u > 0.64 && u < 0.88;
  return beam || post || base || panL || panR ? WHITE : BLUE;
}
const out = path.join(__dirname, '..', 'assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size, balance));
console.log('icons written to', out);
