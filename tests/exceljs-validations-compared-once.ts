/**
 * ExcelJS's writer, as the suites load it (tests/exceljs-without-streams.ts): its output unchanged, the data
 * validations compared once per object rather than once per cell. ExcelJS reads a validation over a range as the
 * same object at every cell of the range, and when it writes them back it squeezes cells into rectangles by
 * comparing each cell's validation with its neighbours' through its deep `isEqual`, which has no shortcut for an
 * object compared with itself: a file typed into with ExcelJS (a person's edits in the tests) spent seconds there.
 * During that write only, an object compared with itself gets the answer `isEqual` gave it the first time (it
 * is not always true: ExcelJS's `isEqual` finds NaN unequal to itself); every other comparison is ExcelJS's own.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
type IsEqual = (a: unknown, b: unknown) => boolean;
type Render = (this: unknown, xmlStream: unknown, model: unknown) => unknown;

const underDash = require('exceljs/lib/utils/under-dash') as { isEqual: IsEqual };
const DataValidationsXform = require('exceljs/lib/xlsx/xform/sheet/data-validations-xform') as {
  prototype: { render: Render };
};

/** The package's own, which tests/exceljs-without-streams.test.ts compares this one with. */
export const packageRender: Render = DataValidationsXform.prototype.render;
const render = packageRender;
DataValidationsXform.prototype.render = function renderComparingEachObjectOnce(xmlStream, model) {
  const isEqual = underDash.isEqual;
  // Nothing changes the validations while they are written: an object's answer holds for this write.
  const withItself = new Map<unknown, boolean>();
  underDash.isEqual = (a, b) => {
    if (a !== b || a === null || typeof a !== 'object') return isEqual(a, b);
    let same = withItself.get(a);
    if (same === undefined) withItself.set(a, (same = isEqual(a, b)));
    return same;
  };
  try {
    return render.call(this, xmlStream, model);
  } finally {
    underDash.isEqual = isEqual;
  }
};
