/**
 * `exceljs` for the suites (jest.config.js `moduleNameMapper`): the package's own entry (lib/exceljs.nodejs.js)
 * built from the same modules, except that its streaming reader and writer (`ExcelJS.stream.xlsx`) are required
 * only when first asked for. Only the consolidation's streamed writer (src/xlsx/writer/stream-xlsx.ts) asks for one,
 * and they alone pull in unzipper and archiver: some 380 of the 660 modules the package loads, which jest loaded
 * again for every suite that writes or reads a workbook with ExcelJS. tests/exceljs-without-streams.test.ts checks the exports are the package's.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import './exceljs-validations-compared-once';
import './exceljs-loads-kept';

const LIB = 'exceljs/lib';

module.exports = {
  Workbook: require(`${LIB}/doc/workbook`),
  ModelContainer: require(`${LIB}/doc/modelcontainer`),
  stream: {
    xlsx: {
      get WorkbookWriter(): unknown {
        return require(`${LIB}/stream/xlsx/workbook-writer`);
      },
      get WorkbookReader(): unknown {
        return require(`${LIB}/stream/xlsx/workbook-reader`);
      },
    },
  },
  ...require(`${LIB}/doc/enums`),
};
