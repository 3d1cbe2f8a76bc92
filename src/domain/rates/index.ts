/** Completion and achievement rates (issue "Completion"): pure computations over tracking rows. */
export * from './inputs';
export * from './fill-rate';
export * from './achievement';
export * from './fiche-stats';
export * from './row-rates';
export * from './summary';
export * from './from-tracking';
