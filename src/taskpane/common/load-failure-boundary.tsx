import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { Component, type ReactNode } from 'react';
import { texts } from '../texts';

/**
 * Catches a failure to load or start the working part of the pane (a script that did not arrive, a bug) and says
 * what to do in French, instead of leaving a blank pane.
 */
export class LoadFailureBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>{texts.loadFailed}</MessageBarBody>
      </MessageBar>
    );
  }
}
