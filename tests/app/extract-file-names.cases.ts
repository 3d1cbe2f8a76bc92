import { distinctExtractFileNames } from '../../src/app';

describe('distinctExtractFileNames', () => {
  it('numbers the second of a name after the recipient, never taking another recipient’s own name', () => {
    expect(
      distinctExtractFileNames([
        'suivi-ctg-pilat-mjc-pelussin-2026-T4.xlsx',
        'suivi-ctg-pilat-mjc-pelussin-2026-T4.xlsx',
        'suivi-ctg-pilat-mjc-pelussin-2-2026-T4.xlsx',
        'suivi-ctg-pilat-ccmp-2026-T4.xlsx',
      ]),
    ).toEqual([
      'suivi-ctg-pilat-mjc-pelussin-2026-T4.xlsx',
      'suivi-ctg-pilat-mjc-pelussin-3-2026-T4.xlsx',
      'suivi-ctg-pilat-mjc-pelussin-2-2026-T4.xlsx',
      'suivi-ctg-pilat-ccmp-2026-T4.xlsx',
    ]);
  });
});
