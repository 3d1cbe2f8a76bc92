/**
 * zod's list of locales for the suites (jest.config.js `moduleNameMapper`): zod re-exports all its sixty-odd
 * locales (`z.locales`), and loading zod loaded each of them, in every suite that reads a plan, a workbook or a
 * file name; the project uses none of them (zod's own English messages are its default, loaded apart). Here each
 * locale is the package's own module, required when first asked for: the same names, read from the package's
 * list (tests/zod-locales-on-demand.test.ts checks them).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as fs from 'fs';
import * as path from 'path';

const LOCALES = path.join(path.dirname(require.resolve('zod/package.json')), 'v4', 'locales');
const LIST = fs.readFileSync(path.join(LOCALES, 'index.cjs'), 'utf8');

/** `var fr_CA_js_1 = require("./fr-CA.cjs");` then `defineProperty(exports, "frCA", … fr_CA_js_1 …)`. */
const files = new Map(
  [...LIST.matchAll(/var (\w+) = require\("\.\/([\w-]+\.cjs)"\);/g)].map(([, name, file]) => [name, file]),
);
const locales: Record<string, unknown> = { __esModule: true };
for (const [, name, variable] of LIST.matchAll(/defineProperty\(exports, "(\w+)", \{[^}]*?__importDefault\((\w+)\)/g)) {
  const file = files.get(variable);
  if (file === undefined) continue;
  Object.defineProperty(locales, name, {
    enumerable: true,
    get: () => {
      // As the package's list reads it (`__importDefault`): a module's `default`, or the module itself.
      const locale = require(path.join(LOCALES, file)) as { __esModule?: boolean; default?: unknown };
      return locale.__esModule ? locale.default : locale;
    },
  });
}
module.exports = locales;
