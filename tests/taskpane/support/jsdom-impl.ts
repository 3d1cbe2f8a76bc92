/**
 * jsdom's implementation object behind a DOM wrapper (an element, the document) and back. jsdom keeps each under a
 * symbol of its own module, which the suites' copy of jsdom cannot import: the symbol is found by its description.
 */
export function implOf<T>(wrapper: object): T | undefined {
  const symbol = Object.getOwnPropertySymbols(wrapper).find((s) => s.description === 'impl');
  return symbol === undefined ? undefined : (wrapper as Record<symbol, T>)[symbol];
}

export function wrapperOf(impl: object): unknown {
  const symbol = Object.getOwnPropertySymbols(impl).find((s) => s.description === 'wrapper');
  return symbol === undefined ? undefined : (impl as Record<symbol, unknown>)[symbol];
}
