/**
 * The most one-row-per-trial marks (forest rows, risk-of-bias rows, time-course trial points, table rows) a
 * chart draws. Above it a chart keeps its summary (pooled result, counts) and says so in words, so a large
 * upload never floods the page (docs/ARCHITECTURE.md section 7: a chart with more than ~2,000 marks must bin or change medium).
 */
export const MAX_TRIAL_ROWS = 300;

/** Above this many points the funnel plot is not drawn (docs/ARCHITECTURE.md section 7: ~2,000 marks); its tests are given in text. */
export const MAX_FUNNEL_POINTS = 2000;

/**
 * Whether the page works out each trial's share of a network estimate (and the CINeMA certainty built on those
 * shares) for a network of `trials` trials: up to MAX_TRIAL_ROWS, as the charts draw one row per trial; above it
 * the network section says that the command line's JSON gives them.
 */
export function networkPerTrial(trials: number): boolean {
	return trials <= MAX_TRIAL_ROWS;
}
