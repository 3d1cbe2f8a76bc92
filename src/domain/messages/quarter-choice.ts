import { quarterLabel, quarterMeant } from '../periods';
import { paramText } from './param-text';
import { quoted } from './workbook';
import type { IssueCode } from '../issue-codes';
import type { MessageTemplate } from './types';

/** Messages of choosing the current quarter (src/app/choose-quarter.ts): the quarters a user may choose. */

/** The example of a quarter where no convention is known (`consolidate --quarter`: each file has its own). */
const EXAMPLE_QUARTER = '2027-T2';

export const quarterChoiceMessages = {
  // A quarter a person typed that is none (`parseTypedQuarter`): on the command line, where only `--quarter` takes
  // one (`compute`, `consolidate`), said as the other malformed options are (`--year`, `--take`). `first` and
  // `last`, the convention's quarters, when one is known.
  'quarter-malformed': (p, surface) => {
    const example = p.first ? paramText(p.first) : EXAMPLE_QUARTER;
    const range =
      p.first && p.last
        ? ` Choisissez un trimestre de la convention, de ${paramText(p.first)} à ${paramText(p.last)}.`
        : '';
    // A year and a quarter written otherwise (« T2 2027 ») get that quarter as it is written, not an example.
    const meant = quarterMeant(paramText(p.value));
    if (meant !== null) {
      const label = quarterLabel(meant);
      return surface === 'task-pane'
        ? `${quoted(p.value)} n’est pas un trimestre de la forme AAAA-Tn : écrivez ${label}.${range}`
        : `--quarter attend un trimestre de la forme AAAA-Tn, pas ${quoted(p.value)} : écrivez --quarter ${label}.${range}`;
    }
    return surface === 'task-pane'
      ? `${quoted(p.value)} n’est pas un trimestre de la forme AAAA-Tn, par exemple ${example}.${range}`
      : `--quarter attend un trimestre de la forme AAAA-Tn, par exemple --quarter ${example}, pas ${quoted(p.value)}.${range}`;
  },
  'quarter-outside-convention': (p) =>
    `Le trimestre ${paramText(p.value)} est en dehors de la convention. ` +
    `Choisissez un trimestre de ${paramText(p.first)} à ${paramText(p.last)}.`,
} satisfies Partial<Record<IssueCode, MessageTemplate>>;
