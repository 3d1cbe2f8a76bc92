import { annexe4EarlierCalendarTexts } from './annexe4-earlier-calendar';
import { annexe4CopiedTexts } from './annexe4-layout';
import { buildAnnexe4Sheet } from './annexe4-sheet';
import { sheetNames } from '../../texts';
import { trackingModule } from '../../tracking-build';

/** `Annexe 4 – Suivi`: the summary and the detail of every fiche, formulas over the axis sheets. */
export const annexe4Module = trackingModule({
  id: 'annexe4',
  owns: (name) => name === sheetNames.annexe4,
  build: ({ plan, quarters, figures, contents }) => [
    buildAnnexe4Sheet(plan, { quarters, figures, entered: contents.entered }),
  ],
  carried: 'always',
  kept: { kind: 'fixed', axisTextCopies: annexe4CopiedTexts, earlierTexts: annexe4EarlierCalendarTexts },
});
