/**
 * The badge image, and Open Badges 3.0 baking: the signed credential carried inside the PNG, so
 * the file a graduate receives is both the picture and the proof.
 *
 * - `drawBadge` paints a 400×400 medallion with pngjs (no native code, no fonts): rings in the
 *   site's colours and a check mark; a throwaway-key build adds a striped DEMO band.
 * - `bakeCredential` inserts one `iTXt` chunk before IEND, keyword `openbadgecredential`,
 *   uncompressed (compression flag 0), empty language tag and translated keyword, text = the
 *   credential (OB 3.0 §5.3.1: the JSON credential with its embedded proof, or a compact JWS).
 *   A PNG that already carries a credential is refused.
 * - `readBakedCredential` finds that chunk again.
 */
import { crc32 } from 'node:zlib';
import pngjs from 'pngjs';
import { BAKED_KEYWORD, bakedCredentialText } from './png-itxt.ts';

export { BAKED_KEYWORD };
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

type Rgba = readonly [number, number, number, number];
const TEAL: Rgba = [0x1f, 0x5f, 0x6b, 255];
const TEAL_LIGHT: Rgba = [0x4f, 0x93, 0x9e, 255];
const CREAM: Rgba = [0xfb, 0xf7, 0xee, 255];
const GOLD: Rgba = [0xd9, 0xa4, 0x41, 255];
const WARN: Rgba = [0xb4, 0x3c, 0x1e, 255];
const WHITE: Rgba = [255, 255, 255, 255];

/** 5×7 letters for the DEMO band. */
const GLYPHS: Record<string, string[]> = {
  D: ['11110', '10001', '10001', '10001', '10001', '10001', '11110'],
  E: ['11111', '10000', '10000', '11110', '10000', '10000', '11111'],
  M: ['10001', '11011', '10101', '10101', '10001', '10001', '10001'],
  O: ['01110', '10001', '10001', '10001', '10001', '10001', '01110'],
};

export function drawBadge(options: { demo: boolean; size?: number }): Buffer {
  const size = options.size ?? 400;
  const png = new pngjs.PNG({ width: size, height: size });
  const c = (size - 1) / 2;
  const put = (x: number, y: number, [r, g, b, a]: Rgba) => {
    const i = (y * size + x) * 4;
    png.data[i] = r;
    png.data[i + 1] = g;
    png.data[i + 2] = b;
    png.data[i + 3] = a;
  };
  // the check mark: two strokes, as distance from segments
  const segment = (px: number, py: number, ax: number, ay: number, bx: number, by: number) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
  };
  const s = size / 400;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c) / s;
      let colour: Rgba | undefined;
      if (d <= 198) colour = TEAL;
      if (d <= 184) colour = GOLD;
      if (d <= 176) colour = TEAL_LIGHT;
      if (d <= 150) colour = CREAM;
      const check = Math.min(segment(x / s, y / s, 130, 205, 180, 255), segment(x / s, y / s, 180, 255, 280, 145));
      if (d <= 150 && check <= 16) colour = TEAL;
      put(x, y, colour ?? [0, 0, 0, 0]);
    }
  }
  if (options.demo) {
    const top = Math.round(300 * s);
    const height = Math.round(44 * s);
    for (let y = top; y < top + height; y++) {
      for (let x = 0; x < size; x++) {
        if (Math.hypot(x - c, y - c) / s > 198) continue;
        put(x, y, ((x + y) >> 3) % 2 === 0 ? WARN : [0x96, 0x2f, 0x14, 255]);
      }
    }
    const scale = Math.max(1, Math.round(4 * s));
    const word = 'DEMO';
    const width = word.length * 6 * scale - scale;
    let left = Math.round(c - width / 2);
    const glyphTop = top + Math.round((height - 7 * scale) / 2);
    for (const letter of word) {
      const rows = GLYPHS[letter] ?? [];
      rows.forEach((row, gy) => {
        [...row].forEach((bit, gx) => {
          if (bit !== '1') return;
          for (let yy = 0; yy < scale; yy++) for (let xx = 0; xx < scale; xx++) put(left + gx * scale + xx, glyphTop + gy * scale + yy, WHITE);
        });
      });
      left += 6 * scale;
    }
  }
  return pngjs.PNG.sync.write(png);
}

export interface PngChunk {
  type: string;
  data: Buffer;
}

/** The chunks of a PNG file, in order; throws on a truncated file or a bad checksum. */
export function pngChunks(png: Buffer): PngChunk[] {
  if (png.length < 8 || !png.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG file (the signature is missing)');
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error('truncated PNG chunk');
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 12 + length;
    if (end > png.length) throw new Error(`truncated PNG chunk ${type}`);
    const data = png.subarray(at + 8, at + 8 + length);
    if (crc32(png.subarray(at + 4, at + 8 + length)) !== png.readUInt32BE(at + 8 + length)) throw new Error(`bad checksum in PNG chunk ${type}`);
    chunks.push({ type, data });
    at = end;
    if (type === 'IEND') break;
  }
  return chunks;
}

function encodeChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function iTxtKeyword(data: Buffer): string {
  const nul = data.indexOf(0);
  return nul === -1 ? '' : data.toString('latin1', 0, nul);
}

/** The PNG with the credential (a compact JWS or JSON text) baked in. */
export function bakeCredential(png: Buffer, credential: string): Buffer {
  const chunks = pngChunks(png);
  if (chunks.some((ch) => ch.type === 'iTXt' && iTxtKeyword(ch.data) === BAKED_KEYWORD)) {
    throw new Error('this PNG already carries a credential; bake into the plain badge image');
  }
  // keyword, NUL, compression flag 0, compression method 0, language tag "", NUL, translated keyword "", NUL, text
  const data = Buffer.concat([Buffer.from(BAKED_KEYWORD, 'latin1'), Buffer.from([0, 0, 0, 0, 0]), Buffer.from(credential, 'utf8')]);
  const out: Buffer[] = [SIGNATURE];
  for (const ch of chunks) {
    if (ch.type === 'IEND') out.push(encodeChunk('iTXt', data));
    out.push(encodeChunk(ch.type, ch.data));
  }
  return Buffer.concat(out);
}

/** The credential baked into a PNG, or undefined when there is none; throws on a damaged file. */
export function readBakedCredential(png: Buffer): string | undefined {
  for (const ch of pngChunks(png)) {
    if (ch.type !== 'iTXt') continue;
    const text = bakedCredentialText(ch.data);
    if (text !== undefined) return text;
  }
  return undefined;
}
