import { painTo100Factor } from '$lib/data/scales';
import type { Outcome } from '$lib/data/schema';

/**
 * Factor that puts a pain-intensity score on 0-100 (0-10 scales x10; the scale registry decides), or null when
 * the instrument is not a pain-intensity scale (it can then enter only an SMD analysis).
 * @example to100('NRS_0_10') // 10
 */
export function to100(scale: string): number | null {
	return painTo100Factor(scale) ?? null;
}

/**
 * Preference among several instruments for the same outcome in one study: pain intensity on 0-100, then other
 * pain-intensity scales, then the rest alphabetically. Lower is preferred.
 */
export function scaleRank(outcome: Outcome, scale: string): number {
	if (outcome === 'pain') {
		const f = to100(scale);
		if (f === 1) return 0;
		if (f === 10) return 1;
		return 2;
	}
	if (outcome === 'adverse_events') return /serious/i.test(scale) ? 1 : 0;
	return 0;
}
