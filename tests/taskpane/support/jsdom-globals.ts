/**
 * What the task pane finds in a browser and jsdom lacks: TextEncoder/TextDecoder (reading a pasted text), Web
 * Crypto's subtle digest (the plan fingerprint of `_ctg`) and structuredClone (the fake Excel copies values with it). Taken from node; imported first by each task-pane test.
 * With them, the style rules jsdom keeps (jsdom-style-rules.ts), labels' controls found by id (jsdom-label-control.ts),
 * computed styles made once until the document changes (jsdom-computed-style.ts), the rules that cannot apply to an
 * element told without nwsapi (jsdom-rule-matching.ts) and React's owner stacks not captured for each element
 * (react-owner-stacks.ts).
 */
import './jsdom-style-rules';
import './jsdom-label-control';
import './jsdom-computed-style';
import './jsdom-rule-matching';
import './react-owner-stacks';
import { configure } from '@testing-library/react';
import { webcrypto } from 'crypto';
import { TextDecoder, TextEncoder } from 'util';
import { deserialize, serialize } from 'v8';

const target = globalThis as unknown as Record<string, unknown>;
if (typeof target.TextEncoder === 'undefined') target.TextEncoder = TextEncoder;
if (typeof target.TextDecoder === 'undefined') target.TextDecoder = TextDecoder;
if (typeof target.structuredClone === 'undefined')
  target.structuredClone = (value: unknown) => deserialize(serialize(value)) as unknown;
if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });

// The pane's own work (a convention parsed, a workbook built on the fake Excel) can take seconds on a loaded 2-core
// machine, past testing-library's one-second default for `findBy…` and `waitFor`: a wait that ends without its text
// is still a failure, only later.
configure({ asyncUtilTimeout: 15_000 });
