// zod's locales as the suites get them one by one (tests/zod-locales-on-demand.ts) are the package's own: every
// name of its list, each the same module's locale.
import * as path from 'path';
import { z } from 'zod';

const LOCALES = path.join(path.dirname(require.resolve('zod/package.json')), 'v4', 'locales');

describe('zod’s locales required one by one', () => {
  it('are every locale of the package’s list, each the package’s own', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const whole = require(path.join(LOCALES, 'index.cjs')) as Record<string, unknown>;
    const shown = z.locales as unknown as Record<string, unknown>;
    const names = (locales: Record<string, unknown>) => Object.keys(locales).filter((name) => name !== '__esModule');
    expect(names(whole)).toEqual(expect.arrayContaining(['en', 'fr', 'frCA', 'zhTW']));
    expect(names(shown).sort()).toEqual(names(whole).sort());
    for (const name of names(whole)) expect([name, shown[name]]).toEqual([name, whole[name]]);
  });

  it('gives zod’s French messages when a schema asks for them', () => {
    const fr = z.locales.fr();
    const result = z.string().safeParse(3, { error: fr.localeError });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].message).toMatch(/attendu/i);
  });
});
