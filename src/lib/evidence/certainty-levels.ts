/** The GRADE certainty levels, best first (a module of its own so the page can name them without the engine). */
export const CERTAINTY_LEVELS = ['high', 'moderate', 'low', 'very low'] as const;
export type Certainty = (typeof CERTAINTY_LEVELS)[number];
