#!/usr/bin/env node
'use strict';
// Draws the add-in's icons (assets/icon-16.png, icon-32.png, icon-80.png): three rising white bars on a blue
// rounded square, "a tracking table that progresses". Plain RGBA PNGs written with zlib, so that nothing beyond
// node is needed to regenerate them: `node scripts/make-icons.js`.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 80];
const BACKGROUND = [0x1f, 0x5f, 0x9f];
const FOREGROUND = [0xff, 0xff, 0xff];
const SUBSAMPLES = 4; // per axis, for smooth edges

/** Shapes in unit coordinates (0..1 across the icon). */
const CORNER = 0.18;
const BARS = [
  { x0: 0.2, x1: 0.34, y0: 0.56 },
  { x0: 0.43, x1: 0.57, y0: 0.4 },
  { x0: 0.66, x1: 0.8, y0: 0.22 },
];
const BARS_BOTTOM = 0.8;

function insideRoundedSquare(x, y) {
  const dx = Math.max(CORNER - x, 0, x - (1 - CORNER));
  const dy = Math.max(CORNER - y, 0, y - (1 - CORNER));
  return dx * dx + dy * dy <= CORNER * CORNER;
}

function insideBar(x, y) {
  return BARS.some((bar) => x >= bar.x0 && x <= bar.x1 && y >= bar.y0 && y <= BARS_BOTTOM);
}

/** RGBA pixels of one icon, each pixel averaged over SUBSAMPLES² points. */
function draw(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let background = 0;
      let foreground = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (!insideRoundedSquare(x, y)) continue;
          if (insideBar(x, y)) foreground++;
          else background++;
        }
      }
      const covered = background + foreground;
      const offset = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) {
        pixels[offset + c] = covered
          ? Math.round((BACKGROUND[c] * background + FOREGROUND[c] * foreground) / covered)
          : 0;
      }
      pixels[offset + 3] = Math.round((255 * covered) / (SUBSAMPLES * SUBSAMPLES));
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let crc = 0xffffffff;
  for (const byte of buffer) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rowLength = size * 4;
  const scanlines = Buffer.alloc((rowLength + 1) * size);
  for (let y = 0; y < size; y++) {
    scanlines[y * (rowLength + 1)] = 0; // filter: none
    pixels.copy(scanlines, y * (rowLength + 1) + 1, y * rowLength, (y + 1) * rowLength);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(scanlines, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const assets = path.join(__dirname, '..', 'assets');
fs.mkdirSync(assets, { recursive: true });
for (const size of SIZES) {
  const file = path.join(assets, `icon-${size}.png`);
  fs.writeFileSync(file, encodePng(size, draw(size)));
  console.log(`Icône écrite : ${path.relative(process.cwd(), file)}`);
}
