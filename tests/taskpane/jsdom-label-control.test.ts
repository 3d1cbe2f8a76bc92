/** @jest-environment jsdom */
// A label's control as the pane suites' jsdom finds it (tests/taskpane/support/jsdom-label-control.ts): the element
// jsdom's own walk of the document finds, in every case the index of ids answers and those it leaves to the walk.
import { controlByWalk } from './support/jsdom-label-control';
import './support/jsdom-globals';
import { screen } from '@testing-library/react';

describe('a label’s control found by id', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('is the element jsdom’s walk finds, for each kind of label', () => {
    document.body.innerHTML = `
      <label id="l1" for="name">Nom</label><input id="name">
      <label id="l2" for="hidden">Caché</label><input id="hidden" type="hidden">
      <label id="l3" for="title">Titre</label><h2 id="title">Titre</h2>
      <label id="l4" for="missing">Absent</label>
      <label id="l5" for="twice">Deux fois</label><div id="twice"></div><select id="twice"></select>
      <label id="l6" for="">Vide</label>
      <label id="l7">Dedans <textarea></textarea></label>
      <label id="l8" for="later">Plus tard</label>
      <form><label id="l9" for="pick">Choix</label><button id="pick">Choisir</button></form>`;
    const later = document.createElement('input');
    later.id = 'later';
    document.body.append(later);
    const labels = [...document.querySelectorAll('label')];
    expect(labels).toHaveLength(9);
    for (const label of labels) expect([label.id, label.control]).toEqual([label.id, controlByWalk(label)]);
    expect(labels.map((label) => label.control?.id ?? null)).toEqual([
      'name',
      null,
      null,
      null,
      null,
      null,
      '',
      'later',
      'pick',
    ]);
    // The id changed, the element removed: the index follows, and so does the control.
    later.id = 'plus-tard';
    expect(labels[7].control).toBeNull();
    document.getElementById('name')!.remove();
    expect(labels[0].control).toBeNull();
    // Outside the document: jsdom's walk of the label's own tree.
    const alone = document.createElement('div');
    alone.innerHTML = '<label for="x">X</label><input id="x">';
    const label = alone.querySelector('label')!;
    expect(label.control).toBe(alone.querySelector('input'));
    expect(label.control).toBe(controlByWalk(label));
  });

  it('names a field as a role query sees it', () => {
    document.body.innerHTML = '<label for="commune">Commune</label><input id="commune"><input aria-label="Autre">';
    expect(screen.getByRole('textbox', { name: 'Commune' })).toBe(document.getElementById('commune'));
    expect(screen.getByLabelText('Commune')).toBe(document.getElementById('commune'));
  });
});
