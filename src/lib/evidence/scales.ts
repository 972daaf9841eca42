import type { Outcome } from '$lib/data/schema';

/** Pain-intensity instruments that can share one 0-100 scale (DESIGN.md section 4). */
const PAIN_INTENSITY = /^(VAS|NRS|CPGS_pain)_0_(10|100)$/;

/**
 * Factor that puts a pain-intensity score on 0-100 (0-10 scales x10), or null when the instrument is not a
 * pain-intensity scale with a 0-10 or 0-100 range (it can then enter only an SMD analysis).
 * @example to100('NRS_0_10') // 10
 */
export function to100(scale: string): number | null {
	const m = PAIN_INTENSITY.exec(scale);
	if (!m) return null;
	return m[2] === '10' ? 10 : 1;
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
