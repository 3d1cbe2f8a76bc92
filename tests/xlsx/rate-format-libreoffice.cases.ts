import { strFromU8 } from 'fflate';
import { frenchRate } from '../../src/domain/messages/numbers';
import { RATE_FORMAT } from '../../src/layout/styles';
import type { WorkbookSpec } from '../../src/layout/workbook-spec';
import { writeXlsx } from '../../src/xlsx/writer';
import { hasBinary, itWhenAvailable } from '../helpers/external-tools';
import { convertThroughLibreOffice } from '../helpers/libreoffice';

/**
 * The workbooks' rate format, as a spreadsheet shows it: LibreOffice writes each cell as shown, and it reads as the
 * command line and the pane write the same rate (`frenchRate`), 0 and 100 % whole, any other with one decimal.
 */
const rates = [0, 0.003, 0.0004, 0.125, 0.996, 0.9996, 1];

const spec: WorkbookSpec = {
  properties: { title: 'Taux', creator: 'ctg-suivi' },
  definedNames: [],
  sheets: [
    {
      name: 'Taux',
      visibility: 'visible',
      columns: [{ width: 12 }, { width: 12 }],
      rows: rates.map((rate, index) => ({
        cells: [
          { value: rate, style: { numFmt: RATE_FORMAT } },
          // A rate is a formula with its cached result in the workbooks.
          { value: { formula: `A${index + 1}*1`, result: rate }, style: { numFmt: RATE_FORMAT } },
        ],
      })),
      merges: [],
      validations: [],
      conditionalFormats: [],
    },
  ],
};

/** LibreOffice runs in the machine's locale here: its decimal separator is compared as a point. */
const invariant = (text: string) => text.replace(',', '.');

describe('the rate format', () => {
  itWhenAvailable({ soffice: hasBinary('soffice') })(
    'shows 0 and 100 % whole and every other rate with one decimal, as the command line writes it',
    async () => {
      const { taux } = convertThroughLibreOffice(
        { taux: await writeXlsx(spec) },
        // Fields apart by « ; » (a decimal comma in some locales); the 9th token: each cell as shown, not its value.
        'csv:Text - txt - csv (StarCalc):59,34,UTF8,1,,0,false,true,true,false,false',
        { scratch: 'rate-format', recalculate: true },
      );
      const shown = strFromU8(taux)
        .trim()
        .split(/\r?\n/)
        .map((line) => line.split(';').map((cell) => cell.replace(/"/g, '')));
      expect(shown).toEqual(rates.map((rate) => [invariant(frenchRate(rate)), invariant(frenchRate(rate))]));
      expect(shown.map((row) => row[0])).toEqual(
        ['0', '0.3', '0.0', '12.5', '99.6', '100.0', '100'].map((number) => `${number}\u00a0%`),
      );
    },
  );
});
