import { strFromU8, type Unzipped } from 'fflate';

/**
 * Whether a cell is locked, read from the XML (cell style index → cellXfs → <protection locked>). Files saved by
 * LibreOffice write `locked="false"`, which ExcelJS reads as locked; Excel and our writer write `locked="0"`.
 */
export function cellLockedInXml(files: Unzipped, sheetPath: string, address: string): boolean {
  const sheet = strFromU8(files[sheetPath]);
  const cell = new RegExp(`<c r="${address}"[^>]*>|<c r="${address}"[^>]*/>`).exec(sheet)?.[0];
  const styleIndex = Number(/\bs="(\d+)"/.exec(cell ?? '')?.[1] ?? '0');
  const styles = strFromU8(files['xl/styles.xml']);
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1];
  const xfs = cellXfs.match(/<xf\b[^>]*\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g) ?? [];
  const locked = /<protection\b[^>]*\blocked="([^"]*)"/.exec(xfs[styleIndex] ?? '')?.[1];
  return !(locked === '0' || locked === 'false');
}
