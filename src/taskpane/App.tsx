import { Body1, FluentProvider, Title2, makeStyles, tokens, webLightTheme } from '@fluentui/react-components';
import { strings } from './strings';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
});

export interface AppProps {
  /** False when the pane runs in a plain browser, without Excel around it. */
  inOffice: boolean;
}

/** Placeholder task pane: the title and what the pane will be for. */
export function App({ inOffice }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <Title2 as="h1">{strings.title}</Title2>
        <Body1>{strings.placeholder}</Body1>
        {!inOffice && <Body1>{strings.outsideOffice}</Body1>}
      </main>
    </FluentProvider>
  );
}
