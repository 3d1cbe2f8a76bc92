import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { embeddedPlan } from '../../src/app';
import { parseConvention } from '../../src/plan-text';

describe('the embedded Monts du Pilat plan', () => {
  it('is exactly what the parser reads from the convention text (run `npm run embed-plan` after a parser change)', () => {
    const text = readFileSync(join(__dirname, '..', 'fixtures', 'ctg-monts-du-pilat-2026-2030.txt'), 'utf8');
    const parsed = parseConvention(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(embeddedPlan()).toEqual({ plan: parsed.plan, warnings: parsed.warnings });
  });
});
