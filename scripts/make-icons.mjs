// Renders the icons in build/ from their SVG sources (build/*.svg, drawn for this project) with the
// Chromium that the e2e tests use, and packs them as electron-builder wants them:
//   build/icon.png (1024), build/icon.ico, build/icon.icns, build/icons/<n>x<n>.png (Linux),
//   build/<doc>.ico and build/<doc>.icns for the .werkboek and .wbx file associations.
// The results are committed; run this again only after changing an SVG: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { browserPath } from './find-browser.mjs';

const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, 'build');

/** ICO: a directory of PNG images (Windows Vista and later read PNG entries). */
export function packIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

/** ICNS: typed PNG chunks (ic07 128, ic08 256, ic09 512, ic10 1024 = 512@2x, icp4 16, icp5 32, icp6 64). */
export function packIcns(images) {
  const types = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
  const chunks = images
    .filter(({ size }) => types[size])
    .map(({ size, png }) => {
      const head = Buffer.alloc(8);
      head.write(types[size], 0, 'latin1');
      head.writeUInt32BE(png.length + 8, 4);
      return Buffer.concat([head, png]);
    });
  const total = 8 + chunks.reduce((n, c) => n + c.length, 0);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(total, 4);
  return Buffer.concat([head, ...chunks]);
}

async function render(page, svg, size) {
  await page.setViewportSize({ width: size, height: size });
  const markup = fs.readFileSync(svg, 'utf8').replace(/width="\d+" height="\d+"/, `width="${size}" height="${size}"`);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${markup}</body></html>`);
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

if (process.argv[1] === import.meta.filename) {
  const browser = await chromium.launch({ executablePath: browserPath(), args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage();
  const sizes = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
  for (const name of ['icon', 'werkboek-file', 'wbx-file']) {
    const images = [];
    for (const size of sizes) images.push({ size, png: await render(page, path.join(buildDir, `${name}.svg`), size) });
    fs.writeFileSync(path.join(buildDir, `${name}.ico`), packIco(images.filter((i) => i.size <= 256)));
    fs.writeFileSync(path.join(buildDir, `${name}.icns`), packIcns(images));
    if (name === 'icon') {
      fs.writeFileSync(path.join(buildDir, 'icon.png'), images.find((i) => i.size === 1024).png);
      fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
      for (const { size, png } of images.filter((i) => i.size <= 512)) fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), png);
    } else {
      fs.writeFileSync(path.join(buildDir, `${name}.png`), images.find((i) => i.size === 256).png);
    }
  }
  await browser.close();
  console.log('Pictogrammen gemaakt in build/');
}
