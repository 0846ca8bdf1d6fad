// The school's logo for the letterhead: PNG or JPEG only, checked by its bytes (not its name), with
// its pixel size read from the header so the letter can place it without an image library.
import { CoreError } from '../errors/errors';

export const LOGO_MAX_BYTES = 1_000_000;
const MAX_SIDE_PX = 4000;

export interface ImageInfo {
  mime: 'image/png' | 'image/jpeg';
  breedtePx: number;
  hoogtePx: number;
}

function pngInfo(b: Buffer): ImageInfo | null {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (b.length < 24 || !b.subarray(0, 8).equals(sig) || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { mime: 'image/png', breedtePx: b.readUInt32BE(16), hoogtePx: b.readUInt32BE(20) };
}

function jpegInfo(b: Buffer): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    const len = b.readUInt16BE(i + 2);
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { mime: 'image/jpeg', hoogtePx: b.readUInt16BE(i + 5), breedtePx: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}

/** Reads and checks a logo; throws VALIDATIE with a Dutch message when it is not usable. */
export function checkLogo(bytes: Buffer): ImageInfo {
  if (bytes.length === 0) throw new CoreError('VALIDATIE', 'Het logo is leeg.', 'logoBase64');
  if (bytes.length > LOGO_MAX_BYTES) throw new CoreError('VALIDATIE', 'Het logo mag hoogstens 1 MB zijn. Verklein het plaatje en probeer het opnieuw.', 'logoBase64');
  const info = pngInfo(bytes) ?? jpegInfo(bytes);
  if (!info) throw new CoreError('VALIDATIE', 'Het logo moet een PNG- of JPEG-afbeelding zijn.', 'logoBase64');
  if (info.breedtePx < 1 || info.hoogtePx < 1 || info.breedtePx > MAX_SIDE_PX || info.hoogtePx > MAX_SIDE_PX) {
    throw new CoreError('VALIDATIE', `Het logo is te groot of beschadigd: gebruik een afbeelding van hoogstens ${MAX_SIDE_PX} bij ${MAX_SIDE_PX} beeldpunten.`, 'logoBase64');
  }
  return info;
}

/** The logo's size in the letterhead: at most 45 mm wide and 22 mm high, aspect ratio kept. */
export function logoSizeMm(info: { breedtePx: number; hoogtePx: number }): { breedteMm: number; hoogteMm: number } {
  const scale = Math.min(45 / info.breedtePx, 22 / info.hoogtePx);
  return { breedteMm: Math.round(info.breedtePx * scale * 10) / 10, hoogteMm: Math.round(info.hoogtePx * scale * 10) / 10 };
}
