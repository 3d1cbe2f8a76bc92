// The reader as a browser page gets it: bundled by webpack for the web (fflate's browser build, saxes), exposed
// on window for the test to call.
import { readXlsx } from '../../../src/xlsx/reader';

(window as unknown as { readXlsx: typeof readXlsx }).readXlsx = readXlsx;
