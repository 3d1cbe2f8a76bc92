import {
  aoTableFromPlan,
  assessAoTable,
  rpeFacilities,
  type AoRowAssessment,
  type AoTable,
  type AoTableRow,
} from '../../src/domain/ao-requirements';
import type { Quarter } from '../../src/domain/periods';
import { planSchema, type AoHolder, type Plan } from '../../src/domain/plan';

const q2026: Quarter = { year: 2026, q: 1 };
const q2025: Quarter = { year: 2025, q: 4 };

function holders(holder: AoHolder): AoTableRow['competences'] {
  return { identify: holder, inform: holder, plan: holder, quality: holder };
}

function commune(name: string, population: number | null, holder: AoHolder = 'commune'): AoTableRow {
  return { name, isEpci: false, population, competences: holders(holder), schemaExists: false, rpeExists: false };
}

function epci(holder: AoHolder, facts: Partial<AoTableRow> = {}): AoTableRow {
  return {
    name: 'EPCI Communauté de communes',
    isEpci: true,
    population: null,
    competences: holders(holder),
    schemaExists: true,
    rpeExists: true,
    ...facts,
  };
}

const alone = (row: AoTableRow, current = q2026): AoRowAssessment =>
  assessAoTable({ rows: [row], declaredTransferredPopulation: null }, current).rows[0];

describe('what the law requires of a commune exercising its competences', () => {
  it.each([
    [3500, { identify: true, inform: true, plan: false, quality: false, schema: false, rpe: false }],
    [3501, { identify: true, inform: true, plan: true, quality: true, schema: false, rpe: false }],
    [10000, { identify: true, inform: true, plan: true, quality: true, schema: false, rpe: false }],
    [10001, { identify: true, inform: true, plan: true, quality: true, schema: true, rpe: true }],
  ])('%d inhabitants', (population, required) => {
    expect(alone(commune('Ville', population)).required).toEqual(required);
  });

  it('does not require an RPE before 1 January 2026', () => {
    expect(alone(commune('Ville', 20000), q2025).required.rpe).toBe(false);
    expect(alone(commune('Ville', 20000), q2025).required.schema).toBe(true);
  });

  it('leaves requirements that depend on an unknown population unknown, not false', () => {
    expect(alone(commune('Ville', null)).required).toEqual({
      identify: true,
      inform: true,
      plan: null,
      quality: null,
      schema: null,
      rpe: null,
    });
  });

  it('leaves requirements of an unknown holder unknown', () => {
    expect(alone(commune('Ville', 500, 'unknown')).required).toEqual({
      identify: null,
      inform: null,
      plan: null,
      quality: null,
      schema: null,
      rpe: null,
    });
  });

  it('tells whether the schéma and the RPE it requires exist', () => {
    const big = alone({ ...commune('Ville', 12000), schemaExists: true, rpeExists: false });
    expect(big.met).toEqual({ schema: true, rpe: false });
    expect(big.unmet).toEqual(['rpe']);
    const small = alone(commune('Village', 800));
    expect(small.met).toEqual({ schema: null, rpe: null });
    expect(small.unmet).toEqual([]);
  });
});

describe('an EPCI holding transferred competences', () => {
  it('is measured by the total population of the communes that transferred, a commune that did not keeping its own', () => {
    const table: AoTable = {
      rows: [
        epci('transferredBySome', { rpeExists: false }),
        commune('A', 6000, 'transferredBySome'),
        commune('B', 4001, 'transferredBySome'),
        commune('C', 12000, 'commune'),
      ],
      declaredTransferredPopulation: 10001,
    };
    const assessment = assessAoTable(table, q2026);
    const [epciRow, a, , c] = assessment.rows;
    expect(epciRow.population).toBe(10001);
    expect(epciRow.required).toEqual({
      identify: true,
      inform: true,
      plan: true,
      quality: true,
      schema: true,
      rpe: true,
    });
    expect(epciRow.unmet).toEqual(['rpe']);
    // A commune that transferred everything is asked nothing itself, even above 3 500.
    expect(a.required).toEqual({
      identify: false,
      inform: false,
      plan: false,
      quality: false,
      schema: false,
      rpe: false,
    });
    expect(c.required.schema).toBe(true);
    expect(assessment.populationsMatchDeclared).toBe(true);
    expect(assessment.filledTransferredPopulation).toBe(10001);
  });

  it('crosses the threshold strictly: 10 000 transferred inhabitants ask no schéma', () => {
    const table: AoTable = {
      rows: [epci('transferredByAll'), commune('A', 6000, 'transferredByAll'), commune('B', 4000, 'transferredByAll')],
      declaredTransferredPopulation: null,
    };
    const [epciRow] = assessAoTable(table, q2026).rows;
    expect(epciRow.population).toBe(10000);
    expect(epciRow.required.plan).toBe(true);
    expect(epciRow.required.schema).toBe(false);
    expect(epciRow.required.rpe).toBe(false);
  });

  it('measures each competence by the communes that transferred that one', () => {
    const partly: AoTableRow = {
      ...commune('A', 3000, 'commune'),
      competences: { identify: 'commune', inform: 'commune', plan: 'transferredBySome', quality: 'commune' },
    };
    const table: AoTable = {
      rows: [epci('transferredBySome'), partly, commune('B', 2000, 'transferredBySome')],
      declaredTransferredPopulation: null,
    };
    const assessment = assessAoTable(table, q2026);
    expect(assessment.transferredPopulation).toEqual({ identify: 2000, inform: 2000, plan: 5000, quality: 2000 });
    expect(assessment.rows[0].required.plan).toBe(true);
    expect(assessment.rows[0].required.quality).toBe(false);
    expect(assessment.rows[1].required).toEqual({
      identify: true,
      inform: true,
      plan: false,
      quality: false,
      schema: false,
      rpe: false,
    });
  });

  it('falls back on the declared total while a population is empty, and says whether the filled ones add up', () => {
    const rows = [
      epci('transferredByAll'),
      commune('A', 9000, 'transferredByAll'),
      commune('B', null, 'transferredByAll'),
    ];
    const pending = assessAoTable({ rows, declaredTransferredPopulation: 15431 }, q2026);
    expect(pending.rows[0].population).toBe(15431);
    expect(pending.rows[0].required.schema).toBe(true);
    expect(pending.populationsMatchDeclared).toBeNull();
    expect(pending.filledTransferredPopulation).toBe(9000);

    const over = [rows[0], commune('A', 16000, 'transferredByAll'), rows[2]];
    expect(assessAoTable({ rows: over, declaredTransferredPopulation: 15431 }, q2026).populationsMatchDeclared).toBe(
      false,
    );

    const filled = [rows[0], rows[1], commune('B', 6000, 'transferredByAll')];
    const wrong = assessAoTable({ rows: filled, declaredTransferredPopulation: 15431 }, q2026);
    expect(wrong.populationsMatchDeclared).toBe(false);
    // The communes' own figures win over the declared total once all are filled.
    expect(wrong.rows[0].population).toBe(15000);
    expect(assessAoTable({ rows: filled, declaredTransferredPopulation: 15000 }, q2026).populationsMatchDeclared).toBe(
      true,
    );
  });

  it('is unknown without populations and without a declared total', () => {
    const rows = [epci('transferredByAll'), commune('A', null, 'transferredByAll')];
    const assessment = assessAoTable({ rows, declaredTransferredPopulation: null }, q2026);
    expect(assessment.rows[0].population).toBeNull();
    expect(assessment.rows[0].required.plan).toBeNull();
    expect(assessment.rows[0].required.identify).toBe(true);
    expect(assessment.populationsMatchDeclared).toBeNull();
  });
});

describe('the table from the plan', () => {
  const basePlan = {
    formatVersion: 1,
    territory: 'Monts',
    parties: {
      caf: 'Caf de la Loire',
      epci: 'Communauté de communes des Monts',
      epciShortName: 'CCM',
      communes: [
        { name: 'Marlhes', spellings: ['Marlhes', 'MARLHES', 'Marlhès'] },
        { name: 'Le Bessat', spellings: ['Le Bessat', 'du BESSAT'] },
      ],
    },
    period: { start: '2026-01-01', end: '2030-12-31' },
    axes: [{ number: 1, title: 'Axe', objectives: [], fiches: [], line: 1 }],
    aoTable: [
      {
        name: 'EPCI Communauté de communes des Monts',
        isEpci: true,
        population: null,
        competences: {
          identify: 'transferredByAll',
          inform: 'transferredByAll',
          plan: 'commune',
          quality: 'transferredBySome',
        },
        transferredPopulation: 15431,
      },
    ],
    facilities: [
      { authority: 'COMMUNAUTE DE COMMUNES', type: 'EAJE', name: 'Multi-accueil', commune: null, line: 5 },
      {
        authority: 'COMMUNAUTE DE COMMUNES',
        type: 'RPE/ Guichet unique',
        name: 'RPE des Monts',
        commune: null,
        line: 6,
      },
    ],
  };
  const plan: Plan = planSchema.parse(basePlan);

  it('has the EPCI row then a row per commune, holders taken from the EPCI where it says all or none', () => {
    const table = aoTableFromPlan(plan);
    expect(table.rows.map((row) => [row.name, row.isEpci])).toEqual([
      ['EPCI Communauté de communes des Monts', true],
      ['Marlhes', false],
      ['Le Bessat', false],
    ]);
    expect(table.rows[1].competences).toEqual({
      identify: 'transferredByAll',
      inform: 'transferredByAll',
      plan: 'commune',
      quality: 'unknown',
    });
    expect(table.rows.every((row) => row.population === null && row.rpeExists && row.schemaExists)).toBe(true);
    expect(table.declaredTransferredPopulation).toBe(15431);
  });

  it('uses a commune’s own row of the AO block, matched on any of its spellings', () => {
    const withRow = planSchema.parse({
      ...basePlan,
      aoTable: [
        ...basePlan.aoTable,
        {
          name: 'MARLHÈS',
          isEpci: false,
          population: 1500,
          competences: { identify: 'commune', inform: 'commune', plan: 'commune', quality: 'commune' },
          transferredPopulation: null,
        },
        {
          name: 'Ailleurs',
          isEpci: false,
          population: 200,
          competences: { identify: 'commune', inform: 'commune', plan: 'commune', quality: 'commune' },
          transferredPopulation: null,
        },
      ],
    });
    const rows = aoTableFromPlan(withRow).rows;
    expect(rows.map((row) => row.name)).toEqual([
      'EPCI Communauté de communes des Monts',
      'Marlhes',
      'Le Bessat',
      'Ailleurs',
    ]);
    expect(rows[1].population).toBe(1500);
    expect(rows[1].competences.quality).toBe('commune');
  });

  it('records an RPE only when Annexe 2 lists one, and adds an EPCI row when the plan has no AO block', () => {
    expect(rpeFacilities(plan).map((facility) => facility.name)).toEqual(['RPE des Monts']);
    const bare = planSchema.parse({
      ...basePlan,
      aoTable: [],
      facilities: [
        {
          authority: 'COMMUNE DE X',
          type: 'Relais',
          name: 'Relais Petite-Enfance du Haut Pilat',
          commune: null,
          line: 1,
        },
        { authority: 'COMMUNE DE X', type: 'École', name: 'École de harpe', commune: null, line: 2 },
      ],
    });
    expect(rpeFacilities(bare).map((facility) => facility.name)).toEqual(['Relais Petite-Enfance du Haut Pilat']);
    const none = planSchema.parse({ ...bare, facilities: [bare.facilities[1]] });
    expect(rpeFacilities(none)).toEqual([]);
    const table = aoTableFromPlan(none);
    expect(table.rows[0]).toMatchObject({ name: 'Communauté de communes des Monts', isEpci: true, rpeExists: false });
    expect(table.rows[1].competences.plan).toBe('unknown');
    expect(table.declaredTransferredPopulation).toBeNull();
  });
});
