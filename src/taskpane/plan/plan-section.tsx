import { MessageBar, MessageBarBody, Body1 } from '@fluentui/react-components';

import { Section } from '../common/section';
import { LiveStatus } from '../common/live-status';
import { texts } from '../texts';
import { planTotals } from './plan-counts';
import { PlanPreview } from './plan-preview';
import { PlanSourcePicker, type PlanChoice } from './plan-source-picker';
import { PlanWarnings } from './plan-warnings';
import { messageText } from '../messages';

/** Step 1: choose a plan and see what will be written, with the reader's warnings. */
export function PlanSection({ choice, onChoice }: { choice: PlanChoice; onChoice: (choice: PlanChoice) => void }) {
  const result = choice?.kind === 'result' ? choice.result : null;
  const totals = result?.ok ? planTotals(result.reading.plan) : null;
  return (
    <Section title={texts.plan.heading}>
      <PlanSourcePicker onChoice={onChoice} />
      <LiveStatus>
        {result?.ok && totals && (
          <Body1>{texts.preview.planRead(totals.axes, totals.fiches, result.reading.warnings.length)}</Body1>
        )}
        {choice?.kind === 'problem' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{choice.message}</MessageBarBody>
          </MessageBar>
        )}
        {result && !result.ok && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              {texts.plan.failed} {messageText(result.error.code, result.error.params)}
            </MessageBarBody>
          </MessageBar>
        )}
      </LiveStatus>
      {result?.ok && <PlanPreview plan={result.reading.plan} />}
      {result && (result.ok || result.warnings.length > 0) && (
        <PlanWarnings warnings={result.ok ? result.reading.warnings : result.warnings} />
      )}
      {!choice && <Body1>{texts.plan.noPlanYet}</Body1>}
    </Section>
  );
}
