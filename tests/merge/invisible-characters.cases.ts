import type { WorkbookGrids } from '../../src/domain/grid';
import { renderIssueMessage } from '../../src/domain/issues';
import { sheet, typeInto, type Entry } from '../rewrite/helpers';
import { ccmpReturnSuite } from './helpers/ccmp-return';

/**
 * A value copied from a web page or a document may carry a no-break or zero-width space: « En cours » that is not the
 * list's `En cours`, a key that is not the master's. Refused, the message shows those characters by name, as
 * validation does in the master, else it would quote what looks like a right value.
 */

const suite = ccmpReturnSuite('invisible');

async function refusals(entries: readonly Entry[], edit: (grids: WorkbookGrids) => void = () => undefined) {
  const grids = typeInto(suite.extract(), entries);
  edit(grids);
  const { report } = await suite.merge(grids);
  return report.rejected.map(({ issue }) => renderIssueMessage(issue));
}

describe('a refused returned value holding invisible characters', () => {
  it('shows them by name in a list value, and says to retype it', async () => {
    const [message] = await refusals([{ key: 'G2', header: 'Statut', value: 'En\u00a0cours' }]);
    expect(message).toContain(
      '«\u00a0En[espace insécable]cours\u00a0» n’est pas une valeur possible pour «\u00a0Statut\u00a0»',
    );
    expect(message).toContain('La valeur contient des caractères invisibles, montrés entre crochets');
  });

  it('shows them by name in a key the master does not have', async () => {
    const [message] = await refusals([{ key: 'G1-QN1', header: '2026-T3', value: 9 }], (grids) => {
      const axis = sheet(grids, 'Axe 1');
      const row = axis.rows.findIndex((cells) => cells?.[0]?.value === 'G1-QN1');
      axis.rows[row][0] = { value: 'G1-QN1\u200b' };
    });
    expect(message).toContain(
      'la clé «\u00a0G1-QN1[espace de largeur nulle]\u00a0» n’existe pas dans le classeur de suivi',
    );
  });

  it('quotes a number as French Excel shows it, its thousands’ space being no character of the partner’s', async () => {
    const [message] = await refusals([{ key: 'G1-QN1', header: '2026-T3', value: 2e12 }]);
    expect(message).toContain('«\u00a02\u00a0000\u00a0000\u00a0000\u00a0000\u00a0» n’est pas une valeur possible');
    expect(message).not.toContain('[espace');
  });
});
