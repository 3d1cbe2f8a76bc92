import { formatAddress } from './a1';
import { FakeRequestContext } from './context';
import { FakeErrorCodes, officeError } from './errors';
import { assertSheetUnprotected } from './protection-rules';
import { FakeClientObject, defineProxyProperties } from './proxy';
import type { FakeRange } from './range';

const RULE_KINDS: Record<string, string> = {
  list: 'List',
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  date: 'Date',
  time: 'Time',
  custom: 'Custom',
};

const invalid = (message: string) => officeError(FakeErrorCodes.invalidArgument, message, 'DataValidation.rule');

/** A Range given as a list source or formula is stored as Excel returns it: an absolute reference with `=`. */
function asFormula(value: unknown): unknown {
  if (value && typeof value === 'object' && typeof (value as FakeRange).target === 'function') {
    const { sheet, rect } = (value as FakeRange).target();
    return `=${formatAddress(sheet.name, rect, true)}`;
  }
  return value;
}

/** Checks a rule the way Excel refuses a malformed one, and normalises Range operands. */
function normaliseRule(rule: unknown): Record<string, unknown> {
  if (!rule || typeof rule !== 'object') throw invalid('The rule must be an object.');
  const kinds = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (kinds.length !== 1 || !RULE_KINDS[kinds[0]]) throw invalid('A data validation rule holds exactly one criterion.');
  const kind = kinds[0];
  const body = { ...((rule as Record<string, Record<string, unknown>>)[kind] ?? {}) };
  if (kind === 'list') {
    body.source = asFormula(body.source);
    if (typeof body.source !== 'string' || body.source.trim() === '')
      throw invalid('A list validation needs a source.');
    body.inCellDropDown = body.inCellDropDown ?? true;
  } else if (kind === 'custom') {
    if (typeof body.formula !== 'string' || body.formula === '') throw invalid('A custom validation needs a formula.');
  } else {
    if (typeof body.operator !== 'string') throw invalid('The validation needs an operator.');
    body.formula1 = asFormula(body.formula1);
    if (body.formula1 === undefined) throw invalid('The validation needs formula1.');
    if (body.formula2 !== undefined) body.formula2 = asFormula(body.formula2);
    if ((body.operator === 'Between' || body.operator === 'NotBetween') && body.formula2 === undefined)
      throw invalid('Between needs formula2.');
  }
  return { [kind]: body };
}

/** `Range.dataValidation`: the rule of the range's top-left cell; setting it replaces what the range had. */
export class FakeDataValidation extends FakeClientObject {
  protected readonly typeName = 'DataValidation';

  protected override instantiate(): void {
    this.range.target();
  }
  protected readonly scalarProperties = ['rule', 'type', 'ignoreBlanks', 'prompt', 'errorAlert', 'valid'];
  declare rule: Record<string, unknown>;
  declare ignoreBlanks: boolean;
  declare prompt: unknown;
  declare errorAlert: unknown;
  declare readonly type: string;
  declare readonly valid: boolean | null;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  private current() {
    const { sheet, rect } = this.range.target();
    return sheet.validationAt(rect.row, rect.column);
  }

  protected readProperty(name: string): unknown {
    const entry = this.current();
    switch (name) {
      case 'rule':
        return entry ? structuredClone(entry.rule) : {};
      case 'type':
        return entry?.rule ? RULE_KINDS[Object.keys(entry.rule)[0]] : 'None';
      case 'ignoreBlanks':
        return entry?.ignoreBlanks ?? true;
      case 'prompt':
        return entry?.prompt ?? { showPrompt: false, message: '', title: '' };
      case 'errorAlert':
        return entry?.errorAlert ?? { showAlert: true, style: 'Stop', message: '', title: '' };
      default:
        // Checking cell values against rules is not simulated.
        return null;
    }
  }

  protected override writeProperty(name: string, value: unknown): void {
    const { sheet, rect } = this.range.target();
    assertSheetUnprotected(sheet, 'data validation');
    const previous = sheet.validationEntryAt(rect.row, rect.column);
    if (name === 'rule') {
      sheet.validations.push({
        rect,
        rule: normaliseRule(value),
        ignoreBlanks: previous?.ignoreBlanks ?? true,
        prompt: previous?.prompt,
        errorAlert: previous?.errorAlert,
      });
      return;
    }
    // An alert or prompt set before the rule is kept and picked up by the rule.
    const base = previous ?? { rect, rule: null, ignoreBlanks: true };
    sheet.validations.push({ ...base, rect, [name]: structuredClone(value) });
  }

  clear(): void {
    this.queueCall(
      'clear',
      [],
      () => {
        const { sheet, rect } = this.range.target();
        assertSheetUnprotected(sheet, 'data validation');
        sheet.validations.push({ rect, rule: null, ignoreBlanks: true });
      },
      '1.8',
    );
  }
}
defineProxyProperties(FakeDataValidation, {
  rule: { writable: true, api: '1.8' },
  ignoreBlanks: { writable: true, api: '1.8' },
  prompt: { writable: true, api: '1.8' },
  errorAlert: { writable: true, api: '1.8' },
  type: {},
  valid: {},
});
