import { thousands } from '$lib/data/thousands';
import { comparisonLabel } from '$lib/evidence/comparisons';
import { studyCount } from '$lib/evidence/study-count';
import type { Analysis } from '$lib/evidence/types';

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

/**
 * What stands instead of a forest plot with more than MAX_TRIAL_ROWS trials ("real acupuncture vs sham: 2,100 trials,
 * too many to draw one row each (...)"), or null when the plot is drawn. `doing`: what one row per trial would be.
 */
export function tooManyRows(a: Analysis, doing = 'draw one row each'): string | null {
	const k = studyCount(a);
	return k > MAX_TRIAL_ROWS
		? `${comparisonLabel(a)}: ${thousands(k)} trials, too many to ${doing} (the forest plot draws up to ${MAX_TRIAL_ROWS}).`
		: null;
}
