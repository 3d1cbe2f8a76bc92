import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { BusyElsewhereBar, TaskOwner } from '../common/workbook-busy';
import { texts } from '../texts';
import type { TaskId } from './pane-tasks';

const useStyles = makeStyles({
  // At 320 px the tabs wrap onto a second line rather than widening the pane.
  list: { flexWrap: 'wrap', minWidth: 0 },
  // Fluent's small tab keeps 6 px each side, which makes « Création » wrap at 320 px: 2 px are enough, the
  // selection bar still marks the tab.
  tab: { paddingInline: tokens.spacingHorizontalXXS },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    minWidth: 0,
    // The class's display would otherwise override the hidden attribute.
    '&[hidden]': { display: 'none' },
  },
});

export interface PaneTask {
  id: TaskId;
  label: string;
  content: ReactNode;
}

/**
 * The tasks as tabs (arrow keys move between them, as in any tab list) over their panels. Every panel stays
 * mounted, hidden when its tab is not selected, so that a result shown in one (a validation, the figures) is still
 * there when the person comes back to it.
 */
export function TaskTabs({
  tasks,
  selected,
  onSelect,
}: {
  tasks: readonly PaneTask[];
  selected: TaskId;
  onSelect: (task: TaskId) => void;
}) {
  const styles = useStyles();
  const baseId = useId();
  const tabId = (task: TaskId) => `${baseId}-tab-${task}`;
  const panelId = (task: TaskId) => `${baseId}-panel-${task}`;
  return (
    <>
      <TabList
        className={styles.list}
        aria-label={texts.tasks.label}
        size="small"
        selectedValue={selected}
        onTabSelect={(_, data) => onSelect(data.value as TaskId)}
      >
        {tasks.map((task) => (
          <Tab
            key={task.id}
            className={styles.tab}
            id={tabId(task.id)}
            value={task.id}
            aria-controls={panelId(task.id)}
          >
            {task.label}
          </Tab>
        ))}
      </TabList>
      {tasks.map((task) => (
        <div
          key={task.id}
          id={panelId(task.id)}
          role="tabpanel"
          aria-labelledby={tabId(task.id)}
          hidden={task.id !== selected}
          className={styles.panel}
        >
          {/* Which tab's action holds the open workbook, when another's: this tab's actions on it wait. */}
          <BusyElsewhereBar task={task.id} label={(holder) => texts.tasks[holder as TaskId] ?? holder} />
          <TaskOwner task={task.id}>{task.content}</TaskOwner>
        </div>
      ))}
    </>
  );
}
