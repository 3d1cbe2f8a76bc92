import { makeStyles, tokens } from '@fluentui/react-components';

/** A column of accordion items whose long headers wrap at 320 px, each opening on a bulleted list. */
export const useAccordionListStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
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
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});
