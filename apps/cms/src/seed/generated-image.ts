/**
 * Original, generated artwork for demo covers, figures and avatars: soft overlapping shapes in a
 * hue chosen per article, rendered from SVG to WebP with sharp. No third-party images are used.
 */
import sharp from 'sharp';

const hsl = (h: number, s: number, l: number) => `hsl(${((h % 360) + 360) % 360} ${s}% ${l}%)`;

export const renderArtwork = async (hue: number, seed: string, width = 1600, height = 900): Promise<Buffer> => {
  let state = Array.from(seed).reduce((acc, ch) => (acc * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const random = () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
  const circles = Array.from({ length: 7 }, (_, i) => {
    const r = (0.15 + random() * 0.35) * height;
    return `<circle cx="${(random() * width).toFixed(0)}" cy="${(random() * height).toFixed(0)}" r="${r.toFixed(0)}" fill="${hsl(hue + i * 18 - 40, 55, 45 + random() * 30)}" fill-opacity="${(0.35 + random() * 0.4).toFixed(2)}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${hsl(hue, 45, 92)}"/><stop offset="1" stop-color="${hsl(hue + 30, 50, 78)}"/>
    </linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>${circles}</svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 78 }).toBuffer();
};
