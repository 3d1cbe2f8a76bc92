import { Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import type { ComputedFigures } from '../../app';
import { texts } from '../texts';

const useStyles = makeStyles({
  bars: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
});

/** The completion of each axis as a bar (cumulated fill rate), with the figures written out for everyone. */
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
      {rows.map(({ key, label, rates }) => (
        <Field key={key} label={label} hint={texts.followUp.rates(rates)}>
          <ProgressBar value={rates.fillCumulative ?? 0} max={1} thickness="large" />
        </Field>
      ))}
    </div>
  );
}
