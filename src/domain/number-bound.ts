/**
 * The largest number a number cell takes either way, as its data validation says (±10¹²): on its own so that the
 * plan's schema (src/domain/plan.ts) bounds the Référence and Cible it gives without importing the tracking values.
 */
export const NUMBER_BOUND = 1e12;
