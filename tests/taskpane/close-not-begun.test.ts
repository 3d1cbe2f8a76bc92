// Why « Clôturer le trimestre » waits on a quarter not begun, beside the button: the same facts as the command
// line's refusal (`quarter-not-begun`). Before the convention's start, today's quarter is none of the convention's:
// the pane names the convention's first quarter instead, as the command line does.
import { notBegunWhy } from '../../src/taskpane/follow-up/close-not-begun';
import { fr } from './support/french';

const period = { start: '2027-07-01', end: '2031-06-30' };
const today = new Date('2026-12-06T10:00:00Z');

it('says only when the convention’s first quarter can be closed, when it is the workbook’s quarter', () => {
  expect(notBegunWhy('2027-T3', period, today)).toBe(
    fr(
      '2027-T3, le premier trimestre de la convention, ne commence que le 01/07/2027 : il ne pourra être clôturé ' +
        'qu’à partir de ce jour.',
    ),
  );
});

it('names the convention’s first quarter to put back for a later one', () => {
  expect(notBegunWhy('2027-T4', period, today)).toBe(
    fr(
      '2027-T4 ne commence que le 01/10/2027 : il ne pourra être clôturé qu’à partir de ce jour. S’il a été avancé ' +
        'par erreur (une clôture de trop), remettez le trimestre voulu dans la liste (2027-T3, le premier de la ' +
        'convention, qui commence le 01/07/2027), puis « Calculer ».',
    ),
  );
});

it('says as before for a quarter ahead of today inside the convention, and nothing for one begun', () => {
  const inside = { start: '2026-01-01', end: '2030-12-31' };
  expect(notBegunWhy('2027-T1', inside, today)).toBe(
    fr(
      '2027-T1 ne commence que le 01/01/2027 : il ne pourra être clôturé qu’à partir de ce jour. S’il a été avancé ' +
        'par erreur (une clôture de trop), remettez le trimestre voulu dans la liste, puis « Calculer ».',
    ),
  );
  expect(notBegunWhy('2026-T4', inside, today)).toBeNull();
});
