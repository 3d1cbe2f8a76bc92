/** @jest-environment node */
// The icons Fluent UI's components ask `@fluentui/react-icons` for, as the task pane's suites get them one by one
// (tests/fluent-icons-on-demand.ts), are the package's own: same name, same drawing.
import * as fs from 'fs';
import * as path from 'path';
import { createElement, type ComponentType } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import * as onDemand from '@fluentui/react-icons';

const FLUENT = path.join(__dirname, '..', 'node_modules', '@fluentui');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const whole = require(path.join(FLUENT, 'react-icons', 'lib-cjs', 'index.cjs')) as Record<string, unknown>;

/** Every name Fluent UI's CommonJS modules read from the package (`_reacticons.ChevronRightRegular`). */
function namesAskedFor(): string[] {
  const names = new Set<string>();
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.cjs'))
        for (const [, name] of fs.readFileSync(file, 'utf8').matchAll(/_reacticons\.([A-Za-z0-9_]+)/g)) names.add(name);
    }
  };
  for (const fluentPackage of fs.readdirSync(FLUENT)) {
    const lib = path.join(FLUENT, fluentPackage, 'lib-commonjs');
    if (fluentPackage !== 'react-icons' && fs.existsSync(lib)) walk(lib);
  }
  return [...names].sort();
}

describe('Fluent UI icons required one by one', () => {
  const names = namesAskedFor();
  const icons = names.filter((name) => /^[A-Z]/.test(name) && name !== 'IconDirectionContextProvider');

  it('finds the icons and helpers the components ask for', () => {
    expect(icons).toEqual(expect.arrayContaining(['ChevronRightRegular', 'DismissRegular', 'Info16Filled']));
    expect(names).toEqual(expect.arrayContaining(['bundleIcon', 'iconFilledClassName']));
  });

  it('gives each the package’s own: the same helpers, each icon drawn the same', () => {
    const shown = onDemand as unknown as Record<string, unknown>;
    for (const name of names.filter((candidate) => !icons.includes(candidate)))
      expect([name, shown[name]]).toEqual([name, whole[name]]);
    for (const name of icons) {
      const draw = (icon: unknown) => renderToStaticMarkup(createElement(icon as ComponentType));
      expect([name, draw(shown[name])]).toEqual([name, draw(whole[name])]);
      expect((shown[name] as { displayName?: string }).displayName).toBe(name);
    }
  });
});
