/**
 * The words of a PDF with their boxes, page by page, from poppler's `pdftotext -bbox` (points, origin top left).
 * Text and positions, not pixels: what a printed page shows does not depend on the rasteriser.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BAR_CHARACTER } from '../../src/layout/formulas/count-formulas';

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  width: number;
  height: number;
  words: PdfWord[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Pages in order, each with its words in reading order. `scratch` names a folder under .scratch. */
export function pdfWords(pdf: Uint8Array, scratch: string): PdfPage[] {
  const root = path.resolve(__dirname, '..', '..', '.scratch', scratch);
  fs.mkdirSync(root, { recursive: true });
  const work = fs.mkdtempSync(path.join(root, 'pdf-'));
  try {
    const file = path.join(work, 'in.pdf');
    fs.writeFileSync(file, pdf);
    const html = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)].map((page) => ({
      width: Number(page[1]),
      height: Number(page[2]),
      words: [
        ...page[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g),
      ].map((word) => ({
        xMin: Number(word[1]),
        yMin: Number(word[2]),
        xMax: Number(word[3]),
        yMax: Number(word[4]),
        text: word[5].replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]),
      })),
    }));
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** A page's words joined by single spaces, to look for a phrase. */
export function pageText(page: PdfPage): string {
  return page.words.map((word) => word.text).join(' ');
}

/** A page's bars of characters (`barFormula`'s « █ »), each a word, in reading order. */
export function barsOf(page: PdfPage): PdfWord[] {
  return page.words.filter((word) => word.text !== '' && word.text === BAR_CHARACTER.repeat(word.text.length));
}
