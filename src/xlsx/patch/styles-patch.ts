/**
 * The styles part, changed only when a cell needs a number format its base style has not (a date appended under a
 * text in Historique, a rate cell still in the former `0%`): the base cell format is copied with that number format,
 * added once. Every existing format stays at its index, so no other cell changes look.
 */
import type { Document, Element } from '@xmldom/xmldom';
import { childrenNamed, createLike, firstChildNamed } from './xml-dom';

/** Excel's built-in number formats the layout uses, by id. */
const BUILT_IN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  9: '0%',
  10: '0.00%',
  14: 'mm-dd-yy',
  49: '@',
};

/** Custom formats start above the built-in range. */
const FIRST_CUSTOM_FORMAT_ID = 164;

const sameFormat = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export class StylesPatch {
  private readonly added = new Map<string, number>();
  changed = false;

  constructor(readonly document: Document) {}

  /** The indexes of the cell formats whose number format is one of `formats` (a cell without style has index 0). */
  stylesWithNumberFormat(formats: readonly string[]): Set<number> {
    const cellXfs = firstChildNamed(this.document.documentElement!, 'cellXfs');
    const found = new Set<number>();
    (cellXfs ? childrenNamed(cellXfs, 'xf') : []).forEach((xf, index) => {
      const code = this.formatCode(Number(xf.getAttribute('numFmtId') ?? 0));
      if (code !== null && formats.some((format) => sameFormat(format, code))) found.add(index);
    });
    return found;
  }

  /** The index of a cell format like `base` with number format `numFmt` (`base` itself when it has it). */
  withNumberFormat(base: number, numFmt: string): number {
    const cellXfs = firstChildNamed(this.document.documentElement!, 'cellXfs');
    const xfs = cellXfs ? childrenNamed(cellXfs, 'xf') : [];
    const baseXf = xfs[base] ?? xfs[0];
    if (!cellXfs || !baseXf) return base;
    const baseId = Number(baseXf.getAttribute('numFmtId') ?? 0);
    if (sameFormat(this.formatCode(baseId) ?? '', numFmt)) return base;
    const key = `${base}|${numFmt}`;
    const known = this.added.get(key);
    if (known !== undefined) return known;
    const xf = baseXf.cloneNode(true) as Element;
    xf.setAttribute('numFmtId', String(this.formatId(numFmt)));
    xf.setAttribute('applyNumberFormat', '1');
    cellXfs.appendChild(xf);
    cellXfs.setAttribute('count', String(xfs.length + 1));
    this.added.set(key, xfs.length);
    this.changed = true;
    return xfs.length;
  }

  private customFormats(): Element[] {
    const numFmts = firstChildNamed(this.document.documentElement!, 'numFmts');
    return numFmts ? childrenNamed(numFmts, 'numFmt') : [];
  }

  private formatCode(id: number): string | null {
    const custom = this.customFormats().find((numFmt) => Number(numFmt.getAttribute('numFmtId')) === id);
    return custom?.getAttribute('formatCode') ?? BUILT_IN_FORMATS[id] ?? null;
  }

  private formatId(numFmt: string): number {
    const builtIn = Object.entries(BUILT_IN_FORMATS).find(([, code]) => sameFormat(code, numFmt));
    if (builtIn) return Number(builtIn[0]);
    const customs = this.customFormats();
    const existing = customs.find((custom) => custom.getAttribute('formatCode') === numFmt);
    if (existing) return Number(existing.getAttribute('numFmtId'));
    const root = this.document.documentElement!;
    let numFmts = firstChildNamed(root, 'numFmts');
    if (!numFmts) {
      // CT_Stylesheet: numFmts comes first.
      numFmts = createLike(root, 'numFmts');
      root.insertBefore(numFmts, root.firstChild);
    }
    const id = Math.max(FIRST_CUSTOM_FORMAT_ID - 1, ...customs.map((one) => Number(one.getAttribute('numFmtId')))) + 1;
    const element = createLike(numFmts, 'numFmt');
    element.setAttribute('numFmtId', String(id));
    element.setAttribute('formatCode', numFmt);
    numFmts.appendChild(element);
    numFmts.setAttribute('count', String(customs.length + 1));
    return id;
  }
}
