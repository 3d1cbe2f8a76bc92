import { PLAN_FORMAT_VERSION, planSchema, type Axis, type Plan, type PlanWarning } from '../domain/plan';
import type { PlanFailureCode } from '../domain/messages/plan';
import { epciNamesOf } from '../domain/recipients';
import { readAoTable } from './ao-table';
import { crossCheckArticle4, readArticle4 } from './article4';
import { ficheHeadingHint } from './fiche-heading-hint';
import { FicheKeys, refWrittenAsIs, toFiche } from './fiche-keys';
import { separatePageFurniture } from './page-furniture';
import { CommuneDirectory } from './communes';
import { readFacilities } from './facilities';
import { ficheName } from '../domain/fiche-name';
import type { ReadFiche } from './fiche-fields';
import { readFicheSection } from './fiche-section';
import { joinWrappedHeadings } from './headings';
import { partyCommunes } from './list-last-item';
import { readParties, readSignatures } from './parties';
import { readPeriod } from './period';
import { classifyTerritory, type Territory } from './territories';
import { compareKey } from './text-keys';
import { toSourceLines } from './text-lines';
import { WarningSink } from './warnings';

export type PlanFailureParams = Record<string, string | number>;

export type PlanParseResult =
  | { ok: true; plan: Plan; warnings: PlanWarning[] }
  | { ok: false; error: { code: PlanFailureCode; params: PlanFailureParams }; warnings: PlanWarning[] };

/** Reads a whole convention text (as exported) into a plan. Never throws on bad input. */
export function parseConvention(exported: string): PlanParseResult {
  const warnings = new WarningSink();
  const fail = (code: PlanFailureCode, params: PlanFailureParams = {}): PlanParseResult => ({
    ok: false,
    error: { code, params },
    warnings: warnings.sorted(),
  });
  if (typeof exported !== 'string' || exported.trim() === '') return fail('empty-text');
  // Some exports (a Mac's) write accents decomposed, « e » then a combining accent: every reader compares composed text.
  const text = exported.normalize('NFC');

  const { lines: pageLines, furniture } = separatePageFurniture(toSourceLines(text));
  const lines = joinWrappedHeadings(pageLines);
  if (furniture.firstLine > 0)
    warnings.add('page-furniture', furniture.firstLine, {
      pageNumbers: furniture.pageNumbers,
      lines: furniture.repeated.map((r) => r.text),
      counts: furniture.repeated.map((r) => r.count),
    });
  const parties = readParties(lines, text);
  if (!parties.caf) warnings.add('caf-not-found', 0);
  if (!parties.epci) warnings.add('epci-not-found', 0);
  if (parties.epciWithoutKindLine !== null)
    warnings.add('epci-without-kind', parties.epciWithoutKindLine, { name: parties.epci });
  if (parties.communes.length === 0) warnings.add('no-commune', 0);
  const signatures = readSignatures(lines);
  const section = readFicheSection(lines, warnings);
  if (section.ficheCount === 0) return fail('no-fiche', ficheHeadingHint(lines) ?? {});
  // The names the text gives one commune each, which tell what a list's last « X et Y » is.
  const namedAlone = [
    ...signatures.map((signature) => signature.spelling),
    ...section.axes.flatMap((axis) => axis.fiches.flatMap((fiche) => fiche.territories.map((t) => t.text))),
    ...parties.communes.filter((commune) => commune.parts === undefined).map((commune) => commune.spelling),
  ];
  const directory = new CommuneDirectory();
  for (const commune of partyCommunes(parties.communes, namedAlone)) directory.addParty(commune.spelling, commune.line);
  for (const signature of signatures)
    if (!directory.mention(signature.spelling, signature.line, false))
      warnings.add('unknown-commune', signature.line, { name: signature.spelling });

  const period = readPeriod(lines);
  if (period.kind === 'none') return fail('period-not-found');
  if (period.kind === 'reversed') return fail('period-invalid', { start: period.start, end: period.end });
  if (period.kind === 'duration')
    warnings.add('period-from-duration', period.line, {
      start: period.period.start,
      end: period.period.end,
      text: period.text,
    });
  if (period.kind === 'years')
    warnings.add('period-from-years', period.line, {
      start: period.period.start,
      end: period.period.end,
      text: period.text,
    });

  const epciKeys = [compareKey(parties.epci), compareKey(parties.epciShortName)].filter(Boolean);
  const epci = { keys: epciKeys, names: epciNamesOf(parties) };
  const territories = new Map<ReadFiche, Territory[]>();
  for (const axis of section.axes)
    for (const fiche of axis.fiches)
      territories.set(
        fiche,
        fiche.territories.map((t) => classifyTerritory(t.text, t.line, epci, directory)),
      );
  const facilities = readFacilities(lines, section.startIndex, directory, warnings);
  const aoTable = readAoTable(lines, epciKeys, directory, warnings);
  const communes = directory.finish(warnings);

  const writtenRefs = new Map<string, number>();
  for (const fiche of section.axes.flatMap((axis) => axis.fiches))
    if (refWrittenAsIs(fiche) && !writtenRefs.has(fiche.ref.toUpperCase()))
      writtenRefs.set(fiche.ref.toUpperCase(), fiche.line);
  const keys = new FicheKeys(warnings, writtenRefs);
  const axes: Axis[] = section.axes.map((axis) => ({
    number: axis.number,
    title: axis.title,
    objectives: [],
    line: axis.line,
    fiches: axis.fiches.map((fiche) => {
      const shown = territories.get(fiche)!.map((territory, i) => {
        if (territory.kind === 'commune')
          return territory.detail
            ? `${territory.cluster.displayName} ${territory.detail}`
            : territory.cluster.displayName;
        if (territory.kind === 'unknown')
          warnings.add('unknown-territory', fiche.territories[i].line, {
            ref: ficheName(fiche),
            territory: territory.text,
          });
        return territory.text;
      });
      return toFiche(fiche, keys.next(fiche.ref, fiche.line, refWrittenAsIs(fiche), ficheName(fiche)), shown);
    }),
  }));
  crossCheckArticle4(axes, section.axes, readArticle4(lines, warnings), warnings);

  const candidate = {
    formatVersion: PLAN_FORMAT_VERSION,
    territory: parties.epci || communes[0]?.name || parties.caf || 'Territoire',
    parties: { caf: parties.caf, epci: parties.epci, epciShortName: parties.epciShortName, communes },
    period: period.period,
    axes,
    aoTable,
    facilities: facilities.map(({ cluster, ...facility }) => ({
      ...facility,
      commune: cluster ? cluster.displayName : null,
    })),
  };
  const checked = planSchema.safeParse(candidate);
  if (!checked.success)
    return fail('invalid-plan', {
      details: checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join(' ; '),
    });
  return { ok: true, plan: checked.data, warnings: warnings.sorted() };
}
