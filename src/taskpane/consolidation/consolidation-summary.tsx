import { Body1, Body1Strong, makeStyles, tokens } from '@fluentui/react-components';
import { useId, type ReactNode } from 'react';
import { quarterNoteOf, ratesOf, type Consolidation } from '../../app/consolidate';
import { texts } from '../texts';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
});

/** Territories listed in the pane; a Caf's hundreds are in the workbook, where they can be filtered. */
export const TERRITORIES_SHOWN = 50;

/**
 * A titled list of the summary (an h3 naming a list), left out when it has no line; past `limit` lines, one line
 * says how many more the workbook holds.
 */
function Part({ title, lines, limit }: { title: string; lines: readonly ReactNode[]; limit?: number }) {
  const styles = useStyles();
  const titleId = useId();
  if (lines.length === 0) return null;
  const shown =
    limit !== undefined && lines.length > limit
      ? [...lines.slice(0, limit), texts.consolidation.more(lines.length - limit)]
      : lines;
  return (
    <div>
      <Body1Strong as="h3" id={titleId}>
        {title}
      </Body1Strong>
      <ul className={styles.list} aria-labelledby={titleId}>
        {shown.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * What a consolidation found, as the command line prints it: the territories kept with their rates (and data errors),
 * the files left out with their reasons, the duplicates with the copy kept and why, the workbooks made from one kept
 * apart, the names outside the convention vocabulary. The workbook holds the rest (champs, publics, AO tables).
 */
export function ConsolidationSummary({ consolidation }: { consolidation: Consolidation }) {
  const styles = useStyles();
  const { territories, rejected, duplicates, copiesApart, unmatched } = consolidation;
  const c = texts.consolidation;
  return (
    <div className={styles.summary}>
      <Body1>{c.measuredAt(consolidation.quarter)}</Body1>
      <Body1>
        {territories.length > 0 ? c.total(territories.length, ratesOf(consolidation.total)) : c.noTerritory}
      </Body1>
      <Part
        title={c.territoriesHeading(territories.length)}
        limit={TERRITORIES_SHOWN}
        lines={territories.map((territory) => {
          const line = c.territoryLine(
            territory.territory,
            territory.file,
            territory.quarter,
            quarterNoteOf(territory),
            territory.conventionQuarters,
            ratesOf(territory.counts),
            territory.errors,
          );
          // The lag is said only where no note of the quarter is (not begun, outside the convention), as on the command line.
          const lag = quarterNoteOf(territory) === null ? territory.quarterLag : null;
          const withLag = lag ? `${line}. ${c.quarterLagging(territory.quarter, lag)}` : line;
          const withErrors = territory.errors > 0 ? `${withLag}. ${c.dataErrors(territory.errors)}` : withLag;
          const withAo = territory.aoUnread ? `${withErrors}. ${c.aoUnread(territory.aoUnread.reason)}` : withErrors;
          // Its figures by champ or public miss a sheet's fiches, or it lacks a column no figure reads: which, and
          // what the territory does.
          return [
            withAo,
            ...(territory.planColumnsEmptied ?? []).map((emptied) => emptied.reason),
            ...(territory.missingColumns ?? []).map((missing) =>
              c.missingColumn(missing.column, missing.sheet, missing.reason),
            ),
          ].join('. ');
        })}
      />
      <Part
        title={c.rejectedHeading(rejected.length)}
        lines={rejected.map((file) => c.rejectedLine(file.file, file.reason, file.territory))}
      />
      <Part
        title={c.duplicatesHeading(duplicates.length)}
        lines={duplicates.map((duplicate) =>
          c.duplicateLine(duplicate.territory, duplicate.kept, duplicate.dropped, duplicate.reason),
        )}
      />
      <Part title={c.copiesApartHeading(copiesApart.length)} lines={copiesApart.map((apart) => apart.reason)} />
      <Part
        title={c.unmatchedHeading(unmatched.length)}
        lines={unmatched.map((name) => {
          const [place] = name.places;
          const where = place ? { place, suggestions: name.suggestions } : undefined;
          return c.unmatchedLine(name.kind, name.name, name.territories, where);
        })}
      />
    </div>
  );
}
