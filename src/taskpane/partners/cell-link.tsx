import { Caption1, Link, makeStyles } from '@fluentui/react-components';
import { texts } from '../texts';

const useStyles = makeStyles({
  link: { textAlign: 'start', overflowWrap: 'anywhere' },
});

/** The master's cell of a change or a conflict, as a link that selects it in Excel (as the issues' links do). */
export function CellLink({
  at,
  describedBy,
  onSelect,
}: {
  at: { sheet: string | null; cell: string | null };
  describedBy: string;
  onSelect: (sheet: string, cell: string) => void;
}) {
  const styles = useStyles();
  if (!at.sheet) return null;
  if (!at.cell) return <Caption1>{texts.validate.place(at.sheet, null)}</Caption1>;
  const { sheet, cell } = at;
  return (
    <Link as="button" className={styles.link} aria-describedby={describedBy} onClick={() => onSelect(sheet, cell)}>
      {texts.validate.goTo(sheet, cell)}
    </Link>
  );
}
