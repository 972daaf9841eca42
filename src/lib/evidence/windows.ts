import type { Window } from './types';

/**
 * Time windows in weeks since randomisation (docs/ARCHITECTURE.md section 4.4): immediate < 1 (minutes to days after a
 * session, target 0), short 1-13 (target 8), intermediate 13-52 exclusive (target 26), long >= 52 (target 52).
 * An outcome 35 minutes after one needling session is never pooled with one two weeks later.
 */
export const WINDOWS: readonly { id: Window; label: string; target: number }[] = [
	{ id: 'immediate', label: 'within a week (minutes to days)', target: 0 },
	{ id: 'short', label: 'up to 3 months', target: 8 },
	{ id: 'intermediate', label: '3 to 12 months', target: 26 },
	{ id: 'long', label: '12 months or more', target: 52 }
];

/** The window a timepoint falls in. */
export function windowOf(weeks: number): Window {
	if (weeks < 1) return 'immediate';
	if (weeks <= 13) return 'short';
	if (weeks < 52) return 'intermediate';
	return 'long';
}

export function windowTarget(window: Window): number {
	return WINDOWS.find((w) => w.id === window)!.target;
}

/**
 * Of a study's timepoints within one window, the one closest to the window's target (ties: the earlier).
 * @example closestTimepoint([6, 10], 'short') // 6 (both 2 weeks from 8: the earlier wins)
 */
export function closestTimepoint(weeks: number[], window: Window): number | null {
	const target = windowTarget(window);
	let best: number | null = null;
	for (const w of weeks) {
		if (windowOf(w) !== window) continue;
		if (
			best === null ||
			Math.abs(w - target) < Math.abs(best - target) ||
			(Math.abs(w - target) === Math.abs(best - target) && w < best)
		)
			best = w;
	}
	return best;
}
