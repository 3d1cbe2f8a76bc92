import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Caption1,
  makeStyles,
  Subtitle2,
  tokens,
} from '@fluentui/react-components';
import type { Plan } from '../../app';
import { texts } from '../texts';
import { axisCounts, planTotals } from './plan-counts';

const useStyles = makeStyles({
  preview: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  header: { overflowWrap: 'anywhere', textAlign: 'start' },
  // Long titles wrap at 320 px: the header grows with its lines instead of keeping one line's height.
  headerButton: {
    height: 'auto',
    minHeight: '32px',
    alignItems: 'flex-start',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
  },
  headerText: { display: 'flex', flexDirection: 'column' },
  fiches: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** The plan before anything is written: territory, period, and per axis its fiches and criteria (expandable). */
export function PlanPreview({ plan }: { plan: Plan }) {
  const styles = useStyles();
  const totals = planTotals(plan);
  const counts = axisCounts(plan);
  return (
    <div className={styles.preview}>
      <Subtitle2 as="h3">{texts.preview.heading}</Subtitle2>
      <Body1>{texts.preview.territory(plan.territory)}</Body1>
      <Body1>{texts.preview.period(plan.period.start, plan.period.end)}</Body1>
      <Body1>{texts.preview.summary(totals.axes, totals.fiches, totals.criteria)}</Body1>
      <Accordion multiple collapsible>
        {plan.axes.map((axis, index) => (
          <AccordionItem key={axis.number} value={axis.number}>
            <AccordionHeader className={styles.header} button={{ className: styles.headerButton }} size="small">
              <span className={styles.headerText}>
                <span>{texts.preview.axisTitle(axis.number, axis.title)}</span>
                <Caption1>{texts.preview.axisCounts(counts[index].fiches, counts[index].criteria)}</Caption1>
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <ul className={styles.fiches}>
                {axis.fiches.map((fiche) => (
                  <li key={fiche.key}>{texts.preview.ficheLine(fiche.key, fiche.title, fiche.criteria.length)}</li>
                ))}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
