/** @jest-environment jsdom */
// What the pane suites' shortcuts through jsdom give is what jsdom itself gives: a label's control
// (tests/taskpane/support/jsdom-label-control.ts) is the element jsdom's own walk of the document finds, in every case
// the index of ids answers and those it leaves to the walk; a computed style kept until the document changes
// (support/jsdom-computed-style.ts) is the one jsdom computes at that moment, whatever changed since; a style rule
// told not to apply without nwsapi (support/jsdom-rule-matching.ts) is one nwsapi does not match.
import { controlByWalk } from './support/jsdom-label-control';
import { computedStyleByJsdom } from './support/jsdom-computed-style';
import { matchByNwsapi, matchForStyles, subjectsOf } from './support/jsdom-rule-matching';
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

describe('a computed style kept until the document changes', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  /** Every element of the body as `getComputedStyle` gives it, and as jsdom computes it now. */
  const styles = () =>
    [...document.body.querySelectorAll('*')].map((element) => ({
      element: element.id,
      kept: getComputedStyle(element).cssText,
      jsdom: computedStyleByJsdom(element).cssText,
    }));
  const expectJsdomStyles = () => {
    const all = styles();
    expect(all.map(({ element, kept }) => ({ element, style: kept }))).toEqual(
      all.map(({ element, jsdom }) => ({ element, style: jsdom })),
    );
  };

  it('is the style jsdom computes, after each kind of change to the document', () => {
    const sheet = document.createElement('style');
    sheet.textContent = '.gone { display: none } .veiled { visibility: hidden } .red { color: rgb(200, 0, 0) }';
    document.head.append(sheet);
    document.body.innerHTML = `
      <section id="section"><p id="text">Texte <span id="inner">dedans</span></p><button id="button">OK</button></section>
      <div id="other" style="color: blue"><em id="em">bleu</em></div>`;
    expectJsdomStyles();
    const section = document.getElementById('section')!;
    const inner = document.getElementById('inner')!;
    // What is inherited follows the ancestor's class, its inline style, set as an attribute or through `style`.
    section.className = 'veiled red';
    expectJsdomStyles();
    expect(getComputedStyle(inner).visibility).toBe('hidden');
    section.removeAttribute('class');
    section.setAttribute('style', 'visibility: hidden');
    expectJsdomStyles();
    section.style.visibility = 'visible';
    expectJsdomStyles();
    expect(getComputedStyle(inner).visibility).toBe('visible');
    document.getElementById('button')!.classList.add('gone');
    expectJsdomStyles();
    expect(getComputedStyle(document.getElementById('button')!).display).toBe('none');
    // An element moved under another ancestor, a text changed, a style sheet added then removed.
    document.getElementById('other')!.append(inner);
    expectJsdomStyles();
    expect(getComputedStyle(inner).color).toBe('rgb(0, 0, 255)');
    inner.firstChild!.textContent = 'ailleurs';
    expectJsdomStyles();
    const more = document.createElement('style');
    more.textContent = 'em { visibility: hidden }';
    document.head.append(more);
    expectJsdomStyles();
    expect(getComputedStyle(document.getElementById('em')!).visibility).toBe('hidden');
    more.remove();
    expectJsdomStyles();
    expect(getComputedStyle(document.getElementById('em')!).visibility).toBe('visible');
  });

  it('is made once while nothing changes, and again once something did', () => {
    document.body.innerHTML = '<p id="text">Texte</p>';
    const text = document.getElementById('text')!;
    const first = getComputedStyle(text);
    expect(getComputedStyle(text)).toBe(first);
    text.setAttribute('hidden', '');
    const after = getComputedStyle(text);
    expect(after).not.toBe(first);
    expect(after.display).toBe('none');
    expect(getComputedStyle(text)).toBe(after);
  });

  it('leaves an element outside the document to jsdom', () => {
    const alone = document.createElement('p');
    alone.style.visibility = 'hidden';
    expect(getComputedStyle(alone)).not.toBe(getComputedStyle(alone));
    expect(getComputedStyle(alone).visibility).toBe('hidden');
  });

  it('names and hides elements for role queries as jsdom does', () => {
    document.body.innerHTML = `
      <button>Un <span style="display: none">caché</span>deux</button>
      <div style="visibility: hidden"><button>Invisible</button></div>`;
    expect(screen.getByRole('button', { name: 'Un deux' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Invisible' })).toBeNull();
    (document.querySelector('div') as HTMLElement).style.visibility = 'visible';
    expect(screen.getByRole('button', { name: 'Invisible' })).toBeTruthy();
  });
});

describe('a style rule that cannot apply, told without nwsapi', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    document.body.innerHTML = '';
  });

  it('reads the subjects of plain selectors, and leaves any other to nwsapi', () => {
    expect(subjectsOf('.fAbc')).toEqual([{ type: null, classes: ['fabc'] }]);
    expect(subjectsOf('  DIV.a.b:hover::after , section > ul li[dir=auto] , *  ')).toEqual([
      { type: 'div', classes: ['a', 'b'] },
      { type: 'li', classes: [] },
      { type: null, classes: [] },
    ]);
    expect(subjectsOf('.a ~ .b + p#x[title="a, b"]')).toEqual([{ type: 'p', classes: [] }]);
    for (const other of ['.a:not(.b)', ':is(p, .c)', '.a\\:b', 'svg|rect', 'p,', '> p', 'p >', '[title="a]"]', ''])
      expect([other, subjectsOf(other)]).toEqual([other, null]);
  });

  it('answers as nwsapi for jsdom’s own rules and the pane’s kinds of rules, on every element', () => {
    const defaultStyleSheet = jest.requireActual<string>('jsdom/lib/jsdom/browser/default-stylesheet');
    const sheet = document.createElement('style');
    sheet.textContent = defaultStyleSheet;
    document.head.append(sheet);
    const selectors = [
      ...[...sheet.sheet!.cssRules].map((rule) => (rule as CSSStyleRule).selectorText),
      '.fAbc',
      '.fabc',
      '.fAbc.fDef',
      '.fAbc:hover',
      '.fAbc::after',
      '.fAbc > .fDef',
      '.fDef .fAbc',
      'DIV',
      'div.fAbc',
      'section div',
      'svg',
      'rect',
      '#ident',
      '#ident.fAbc',
      '[hidden]',
      '[aria-hidden="true"] *',
      '*',
      'p:not(.fAbc)',
      ':is(p, .fAbc)',
      'li:first-child',
      'input[type="checkbox" i]',
    ];
    document.body.innerHTML = `
      <section class="fDef"><div id="ident" class=" fAbc  other "><p>Texte</p></div><div class="FABC"></div></section>
      <ul><li class="fAbc fDef">un</li><li hidden>deux</li></ul>
      <form><input type="checkbox"><input type="hidden"><button disabled>OK</button><select><option>a</option></select></form>
      <svg><rect class="fAbc"></rect></svg>
      <article><aside><h1 dir="auto">Titre</h1></aside></article>
      <div aria-hidden="true"><span class="">rien</span><textarea dir="auto"></textarea></div>`;
    const elements = [document.documentElement, ...document.querySelectorAll('*')];
    const differ = selectors.flatMap((selector) =>
      elements
        .filter((element) => matchForStyles(selector, element) !== matchByNwsapi(selector, element))
        .map((element) => `${selector} ${element.outerHTML.slice(0, 40)}`),
    );
    expect(differ).toEqual([]);
    // Both kinds of answer were given, and the computed styles still follow the rules.
    const matched = selectors.filter((selector) => elements.some((element) => matchForStyles(selector, element)));
    expect(matched.length).toBeGreaterThan(20);
    expect(matched.length).toBeLessThan(selectors.length);
    expect(getComputedStyle(document.querySelector('li[hidden]')!).display).toBe('none');
  });
});
