import { Body1, FluentProvider, makeStyles, Spinner, Title2, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense } from 'react';
import { LoadFailureBoundary } from './common/load-failure-boundary';
import type { PaneProps } from './Pane';
import { texts } from './texts';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '100%',
    minWidth: 0,
    overflowWrap: 'anywhere',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

// The use cases, the plan reader and the embedded plan come with the working part of the pane, in a chunk of its
// own: the frame below shows at once while it loads (and ExcelJS is never in either: src/xlsx is loaded on demand).
const Pane = lazy(() => import('./Pane'));

export type AppProps = PaneProps;

/** The task pane's frame: title and purpose at once, then the working part when its script has arrived. */
export function App(props: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <header className={styles.header}>
          <Title2 as="h1">{texts.title}</Title2>
          <Body1>{texts.intro}</Body1>
        </header>
        <LoadFailureBoundary>
          <Suspense fallback={<Spinner size="small" label={texts.loadingPane} />}>
            <Pane {...props} />
          </Suspense>
        </LoadFailureBoundary>
      </main>
    </FluentProvider>
  );
}
