// Short cases of tests/xlsx: one suite for their files of cases (`*.cases.ts`, one job each, not run on their own), so
// that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the short suites
// of the other folders).
import './writer-spec-features.cases';
import './text-escapes.cases';
import './writer-xml.cases';
import './writer-notes.cases';
import './rate-format-libreoffice.cases';
import './writer-column-breaks.cases';
import './writer-generated-workbook.cases';
import './writer-arbitrary-plans.cases';
import './writer-reader-roundtrip.cases';
import './writer-print-pdf.cases';
import './writer-streamed.cases';
import './writer-libreoffice.cases';
