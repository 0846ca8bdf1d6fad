// A font for the chart images. resvg draws no text without a font, and an office PC may not have
// the one we ask for, so the charts name an explicit TTF that exists on the machine: Liberation
// Sans or DejaVu Sans on Linux (CI), Arial or Segoe UI on Windows, Arial or Helvetica on macOS.
// SCHOOLPROTOCOL_FONT points at another TTF. Without any, resvg falls back to the system fonts.
import fs from 'node:fs';
import path from 'node:path';

export interface ChartFont {
  family: string;
  files: string[];
}

const WINDIR = process.env.WINDIR ?? 'C:\\Windows';

const CANDIDATES: ChartFont[] = [
  {
    family: 'Liberation Sans',
    files: [
      '/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf',
      '/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf',
    ],
  },
  {
    family: 'Liberation Sans',
    files: ['/usr/share/fonts/liberation-sans/LiberationSans-Regular.ttf', '/usr/share/fonts/liberation-sans/LiberationSans-Bold.ttf'],
  },
  { family: 'Arial', files: [path.join(WINDIR, 'Fonts', 'arial.ttf'), path.join(WINDIR, 'Fonts', 'arialbd.ttf')] },
  { family: 'Segoe UI', files: [path.join(WINDIR, 'Fonts', 'segoeui.ttf'), path.join(WINDIR, 'Fonts', 'segoeuib.ttf')] },
  { family: 'Arial', files: ['/System/Library/Fonts/Supplemental/Arial.ttf', '/System/Library/Fonts/Supplemental/Arial Bold.ttf'] },
  { family: 'Arial', files: ['/Library/Fonts/Arial.ttf'] },
  {
    family: 'DejaVu Sans',
    files: ['/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf', '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf'],
  },
];

let cached: ChartFont | null | undefined;

/** The first font whose regular face exists (its bold face is used when present). */
export function chartFont(): ChartFont | null {
  if (cached !== undefined) return cached;
  const own = process.env.SCHOOLPROTOCOL_FONT;
  if (own && fs.existsSync(own))
    return (cached = { family: process.env.SCHOOLPROTOCOL_FONT_FAMILY ?? path.basename(own, path.extname(own)), files: [own] });
  for (const c of CANDIDATES) {
    if (fs.existsSync(c.files[0])) return (cached = { family: c.family, files: c.files.filter((f) => fs.existsSync(f)) });
  }
  return (cached = null);
}
