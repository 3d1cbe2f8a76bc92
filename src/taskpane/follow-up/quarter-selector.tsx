import { Field, Select } from '@fluentui/react-components';
import { quarterLabel, quarterOfDate, quartersOfPeriod } from '../../app';
import { texts } from '../texts';

interface QuarterSelectorProps {
  /** The convention's dates, ISO (Paramètres / `_ctg`). */
  periodStart: string;
  periodEnd: string;
  /** Q as the workbook holds it: what the selection is compared with. */
  workbookQuarter: string;
  selected: string;
  onSelect: (quarter: string) => void;
  today: Date;
  disabled: boolean;
}

/**
 * « Trimestre en cours »: the convention's quarters, today's marked, preselected on the workbook's Q. Choosing
 * another one changes nothing yet; the hint says that the next « Calculer » will make it Q. A native select, so
 * that keyboards and screen readers use it as any other list.
 */
export function QuarterSelector(props: QuarterSelectorProps) {
  const { workbookQuarter, selected, onSelect, disabled } = props;
  const todays = quarterLabel(quarterOfDate(props.today));
  const labels = quartersOfPeriod({ start: props.periodStart, end: props.periodEnd }).map(quarterLabel);
  // A Q the convention does not have (typed by hand) stays shown as it is, so that the list does not lie.
  const options = labels.includes(workbookQuarter) || workbookQuarter === '' ? labels : [workbookQuarter, ...labels];
  const differs = selected !== workbookQuarter;
  return (
    <Field
      label={texts.followUp.quarterLabel}
      // Read out when it changes, right after a choice, not only when the list is reached again.
      hint={{
        'aria-live': 'polite',
        children: differs ? texts.followUp.quarterWillChange(workbookQuarter, selected) : texts.followUp.quarterHint,
      }}
    >
      <Select value={selected} disabled={disabled} onChange={(_, data) => onSelect(data.value)}>
        {selected === '' && <option value="">{texts.followUp.quarterNone}</option>}
        {options.map((label) => (
          <option key={label} value={label}>
            {label === todays ? texts.followUp.todaysQuarter(label) : label}
            {label === workbookQuarter && !labels.includes(label) ? texts.followUp.quarterNotInConvention : ''}
          </option>
        ))}
      </Select>
    </Field>
  );
}
