import { Body1, Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ComputedFigures } from '../../app';
import { texts } from '../texts';

const useStyles = makeStyles({
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The figures in one sentence (overall and per axis), said by the live region it is shown in. */
export function FiguresSentence({ figures }: { figures: ComputedFigures }) {
  return (
    <Body1 as="p">
      {texts.followUp.figuresSaid(
        figures.quarter,
        figures.overall,
        figures.axes.map((axis) => ({ number: axis.number, rates: axis })),
      )}
    </Body1>
  );
}

/**
 * The completion of each axis as a bar (cumulated fill rate): its % beside its name, the three rates written out
 * under it, and the bar's value given as text to screen readers.
 */
export function AxisBars({ figures }: { figures: ComputedFigures }) {
  const styles = useStyles();
  const rows = [
    { key: 'overall', label: texts.followUp.overall, rates: figures.overall },
    ...figures.axes.map((axis) => ({
      key: String(axis.number),
      label: texts.preview.axisTitle(axis.number, axis.title),
      rates: axis,
    })),
  ];
  return (
    <div className={styles.bars}>
      <Body1 as="p">{texts.followUp.figuresOf(figures.quarter)}</Body1>
      {rows.map(({ key, label, rates }) => (
        <Field
          key={key}
          label={texts.followUp.axisName(label, rates.fillCumulative)}
          hint={texts.followUp.rates(rates)}
        >
          <ProgressBar
            value={rates.fillCumulative ?? 0}
            max={1}
            thickness="large"
            aria-valuetext={texts.followUp.barValue(rates.fillCumulative)}
          />
        </Field>
      ))}
    </div>
  );
}
