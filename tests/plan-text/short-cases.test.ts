// Short cases of tests/plan-text: one suite for their files of cases (`*.cases.ts`, one job each, not run on their
// own), so that jest loads the modules they share once rather than once per file (docs/TOOLING.md, « Gotchas »: the
// short suites of the other folders).
import './closest-name.cases';
import './communes.cases';
import './whole-territory.cases';
import './territory-details.cases';
import './indicator-labels.cases';
import './parties.cases';
import './folded-text.cases';
import './fiche-names.cases';
import './criteria-tables.cases';
import './criterion-units.cases';
import './seed.cases';
import './decode.cases';
import './fiche-refs.cases';
import './bulleted-lists.cases';
import './roman-axes.cases';
import './wrapped-lists.cases';
import './page-furniture.cases';
import './other-writings.cases';
import './variants.cases';
import './fiche-headings.cases';
import './properties.cases';
