import { renderMessage } from '../../src/domain/messages';

/**
 * What a check says of a partner's extract: the day it was made is the day in Paris, as the other dates the tools
 * show (src/domain/messages/paris-time.ts), not the UTC day of the instant `_ctg` records.
 */
describe('checked-file-is-extract', () => {
  const facts = { recipient: 'CCMP', territory: 'Monts du Pilat', quarter: '2026-T4' };

  it.each([
    // 00:30 in Paris on 6 December (winter: UTC+1), still 5 December in UTC.
    ['2026-12-05T23:30:00.000Z', '06/12/2026'],
    // 01:30 in Paris on 1 July (summer: UTC+2).
    ['2026-06-30T23:30:00.000Z', '01/07/2026'],
    ['2026-12-05T10:00:00.000Z', '05/12/2026'],
    // Retouched in `_ctg` so that it is no instant: its day as written.
    ['2026-12-05 vers midi', '05/12/2026'],
  ])('says an extract made at %s was made on %s', (madeAt, day) => {
    expect(renderMessage('checked-file-is-extract', { ...facts, madeAt })).toBe(
      `C\u2019est l\u2019extrait envoy\u00e9 \u00e0 \u00ab\u00a0CCMP\u00a0\u00bb, fait le ${day} \u00e0 partir du ` +
        'classeur de suivi du territoire \u00ab\u00a0Monts du Pilat\u00a0\u00bb, \u00e0 compl\u00e9ter jusqu\u2019au ' +
        'trimestre 2026-T4\u00a0; ce n\u2019est pas le classeur de suivi.',
    );
  });
});
