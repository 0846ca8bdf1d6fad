// Chart images for the Word documents: grouped bar charts (this school year against the previous
// one) drawn as SVG here and rendered to PNG with @resvg/resvg-js. A suppressed count gets no bar —
// a bar's length would give the number away — only its "< 5" or "x".
// A bar is labelled with its cell's text: the count itself, or, for the board's totals over hidden
// counts (board/merge.ts), the "≥ 12" whose bar shows only the known part.
import { Resvg } from '@resvg/resvg-js';
import type { Cell, FigureRow } from '@shared/api/yearReports';
import { chartFont } from './font';

export interface ChartImage {
  png: Buffer;
  /** Size in pixels of the PNG (rendered at twice the size it is shown at). */
  width: number;
  height: number;
}

const W = 1200;
const HUIDIG = '#1c5d99';
const VORIG = '#a9b4c0';
const TEXT = '#1f2933';
const MUTED = '#5f6b7a';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const fontFamily = () => {
  const f = chartFont();
  return f ? `${f.family}, sans-serif` : 'sans-serif';
};

/** Whole-number axis ticks for counts: a step of 1, 2 or 5 × 10ⁿ, four or five steps up to the maximum. */
export function axisTicks(max: number): number[] {
  const target = Math.max(1, max / 4);
  const p = 10 ** Math.floor(Math.log10(target));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= target && Number.isInteger(s)) ?? 10 * p;
  const top = Math.max(step, Math.ceil(max / step) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  return ticks;
}

const value = (c: Cell) => c.waarde ?? 0;
/** Shown as its "< 5" or "x": a count that exists but is too small to publish. */
const suppressed = (c: Cell) => c.onderdrukt !== null;
/** Something to draw: a bar above zero, or the label of a suppressed count (never a zero bar). */
const drawable = (r: FigureRow) => value(r.huidig) > 0 || value(r.vorig) > 0 || suppressed(r.huidig) || suppressed(r.vorig);

function legend(y: number, huidig: string, vorig: string, family: string): string {
  return `<g font-family="${family}" font-size="22" fill="${TEXT}">
    <rect x="${W - 420}" y="${y}" width="22" height="22" fill="${HUIDIG}"/><text x="${W - 390}" y="${y + 18}">${esc(huidig)}</text>
    <rect x="${W - 220}" y="${y}" width="22" height="22" fill="${VORIG}"/><text x="${W - 190}" y="${y + 18}">${esc(vorig)}</text>
  </g>`;
}

const truncate = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** Horizontal grouped bars, one row per label (categories, platforms, measures). An empty title leaves the heading to the document. */
export function horizontalBarSvg(titel: string, rows: FigureRow[], years: { huidig: string; vorig: string }): string | null {
  const shownRows = rows.filter(drawable);
  // Nothing above zero and nothing suppressed: no chart, the table says it all.
  if (!shownRows.length) return null;
  const family = fontFamily();
  const labelW = 430;
  const plotX = labelW + 20;
  const plotW = W - plotX - 90;
  const rowH = 64;
  const top = titel ? 100 : 52;
  const H = top + shownRows.length * rowH + 50;
  const ticks = axisTicks(Math.max(...shownRows.flatMap((r) => [value(r.huidig), value(r.vorig)])));
  const max = ticks[ticks.length - 1];
  const x = (v: number) => plotX + (v / max) * plotW;
  const parts: string[] = [
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    titel ? `<text x="0" y="36" font-family="${family}" font-size="30" font-weight="bold" fill="${TEXT}">${esc(titel)}</text>` : '',
    legend(titel ? 56 : 8, years.huidig, years.vorig, family),
  ];
  for (const v of ticks) {
    const gx = x(v);
    parts.push(`<line x1="${gx}" y1="${top - 8}" x2="${gx}" y2="${H - 40}" stroke="#e3e7ec" stroke-width="2"/>`);
    parts.push(`<text x="${gx}" y="${H - 12}" font-family="${family}" font-size="20" fill="${MUTED}" text-anchor="middle">${v}</text>`);
  }
  shownRows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(
      `<text x="${labelW}" y="${y + 34}" font-family="${family}" font-size="22" fill="${TEXT}" text-anchor="end">${esc(truncate(r.label, 38))}</text>`,
    );
    (
      [
        [r.huidig, HUIDIG, y + 6],
        [r.vorig, VORIG, y + 32],
      ] as const
    ).forEach(([c, color, by]) => {
      if (c.waarde === null) {
        if (suppressed(c))
          parts.push(
            `<text x="${plotX + 6}" y="${by + 20}" font-family="${family}" font-size="20" font-style="italic" fill="${MUTED}">${esc(c.tekst)}</text>`,
          );
        return;
      }
      const bw = Math.max(0, x(c.waarde) - plotX);
      if (bw > 0) parts.push(`<rect x="${plotX}" y="${by}" width="${bw.toFixed(1)}" height="24" fill="${color}"/>`);
      parts.push(`<text x="${plotX + bw + 8}" y="${by + 20}" font-family="${family}" font-size="20" fill="${TEXT}">${esc(c.tekst)}</text>`);
    });
  });
  parts.push(`<line x1="${plotX}" y1="${top - 8}" x2="${plotX}" y2="${H - 40}" stroke="${MUTED}" stroke-width="2"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

/** Vertical grouped bars in school-year order (the months). */
export function verticalBarSvg(titel: string, rows: FigureRow[], years: { huidig: string; vorig: string }): string | null {
  if (!rows.some(drawable)) return null;
  const family = fontFamily();
  const H = 560;
  const top = titel ? 110 : 60;
  const bottom = H - 60;
  const plotX = 70;
  const plotW = W - plotX - 10;
  const ticks = axisTicks(Math.max(...rows.flatMap((r) => [value(r.huidig), value(r.vorig)])));
  const max = ticks[ticks.length - 1];
  const y = (v: number) => bottom - (v / max) * (bottom - top);
  const slot = plotW / rows.length;
  const bw = Math.min(30, slot / 2 - 6);
  const parts: string[] = [
    `<rect width="${W}" height="${H}" fill="#ffffff"/>`,
    titel ? `<text x="0" y="36" font-family="${family}" font-size="30" font-weight="bold" fill="${TEXT}">${esc(titel)}</text>` : '',
    legend(titel ? 56 : 8, years.huidig, years.vorig, family),
  ];
  for (const v of ticks) {
    parts.push(`<line x1="${plotX}" y1="${y(v)}" x2="${W - 10}" y2="${y(v)}" stroke="#e3e7ec" stroke-width="2"/>`);
    parts.push(
      `<text x="${plotX - 10}" y="${y(v) + 7}" font-family="${family}" font-size="20" fill="${MUTED}" text-anchor="end">${v}</text>`,
    );
  }
  rows.forEach((r, i) => {
    const cx = plotX + slot * i + slot / 2;
    (
      [
        [r.huidig, HUIDIG, cx - bw - 2],
        [r.vorig, VORIG, cx + 2],
      ] as const
    ).forEach(([c, color, bx]) => {
      if (c.waarde === null) {
        if (suppressed(c))
          parts.push(
            `<text x="${bx + bw / 2}" y="${bottom - 8}" font-family="${family}" font-size="19" font-style="italic" fill="${TEXT}" text-anchor="middle">${esc(c.tekst)}</text>`,
          );
        return;
      }
      const h = bottom - y(c.waarde);
      if (h > 0)
        parts.push(
          `<rect x="${bx.toFixed(1)}" y="${y(c.waarde).toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}" fill="${color}"/>`,
        );
      if (c.waarde > 0)
        parts.push(
          `<text x="${bx + bw / 2}" y="${y(c.waarde) - 6}" font-family="${family}" font-size="17" fill="${TEXT}" text-anchor="middle">${esc(c.tekst)}</text>`,
        );
    });
    parts.push(
      `<text x="${cx}" y="${bottom + 30}" font-family="${family}" font-size="20" fill="${TEXT}" text-anchor="middle">${esc(r.label.slice(0, 3))}</text>`,
    );
  });
  parts.push(`<line x1="${plotX}" y1="${bottom}" x2="${W - 10}" y2="${bottom}" stroke="${MUTED}" stroke-width="2"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${parts.join('')}</svg>`;
}

export function renderPng(svg: string): ChartImage {
  const font = chartFont();
  const resvg = new Resvg(svg, {
    font: font
      ? { loadSystemFonts: false, fontFiles: font.files, defaultFontFamily: font.family, sansSerifFamily: font.family }
      : { loadSystemFonts: true },
    background: '#ffffff',
  });
  const img = resvg.render();
  return { png: img.asPng(), width: img.width, height: img.height };
}
