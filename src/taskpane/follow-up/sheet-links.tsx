import { Link, makeStyles, tokens } from '@fluentui/react-components';
import { texts } from '../texts';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
});

/** A link to each sheet of the tracking workbook: activates it in Excel. */
export function SheetLinks({ sheets, onOpen }: { sheets: readonly string[]; onOpen: (sheet: string) => void }) {
  const styles = useStyles();
  return (
    <nav aria-label={texts.followUp.sheetsHeading}>
      <ul className={styles.list}>
        {sheets.map((sheet) => (
          <li key={sheet}>
            <Link as="button" onClick={() => onOpen(sheet)}>
              {sheet}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
