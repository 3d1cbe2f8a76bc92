/**
 * `@fluentui/react-icons` for the task pane's suites (jest.config.js `moduleNameMapper`). Required as it is, the
 * package loads all its thousands of icons (some thirty chunks, 4 MB of code) for the few dozen Fluent UI's
 * components draw: about a second of every suite that renders the pane. Here each icon is required from the
 * package's own module of that icon (`lib-cjs/atoms/svg`, the same `createFluentIcon` call with the same paths)
 * when a component first asks for it; anything else, or an icon not found there, comes from the whole package.
 * The browser's bundle keeps only the icons used anyway (webpack).
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import * as fs from 'fs';
import * as path from 'path';

type Exports = Record<string, unknown>;

const LIB = path.join(__dirname, '..', 'node_modules', '@fluentui', 'react-icons', 'lib-cjs');
const parts = [path.join(LIB, 'utils.cjs'), path.join(LIB, 'contexts', 'index.cjs')].map(
  (file) => require(file) as Exports,
);
let whole: Exports | undefined;
const wholePackage = (): Exports => (whole ??= require(path.join(LIB, 'index.cjs')) as Exports);

/** `ChevronRight12Regular` → `atoms/svg/chevron-right.cjs`, which exports every size and style of it. */
function iconModule(name: string): Exports | undefined {
  const icon = /^([A-Z][A-Za-z]*?)\d*(?:Regular|Filled|Color|Light)$/.exec(name)?.[1];
  if (!icon) return undefined;
  const file = path.join(LIB, 'atoms', 'svg', `${icon.replace(/(?<=[a-z0-9])(?=[A-Z])/g, '-').toLowerCase()}.cjs`);
  return fs.existsSync(file) ? (require(file) as Exports) : undefined;
}

function lookUp(name: string): unknown {
  for (const part of parts) if (name in part) return part[name];
  const icon = iconModule(name);
  return icon && name in icon ? icon[name] : wholePackage()[name];
}

const found = new Map<string, unknown>();
module.exports = new Proxy({} as Exports, {
  get(_, name) {
    if (typeof name !== 'string') return undefined;
    if (name === '__esModule') return true;
    if (!found.has(name)) found.set(name, lookUp(name));
    return found.get(name);
  },
  // Whatever walks the exports (an `export *` of them) gets the whole package.
  has: (_, name) => name in wholePackage(),
  ownKeys: () => Reflect.ownKeys(wholePackage()),
  getOwnPropertyDescriptor: (_, name) => Reflect.getOwnPropertyDescriptor(wholePackage(), name),
});
