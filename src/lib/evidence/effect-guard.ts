/**
 * Non-finite values are caught where they arise, with the study named (issue 16): an effect the model cannot
 * use (yi not finite, vi not a positive number with a finite weight 1/vi) is left out of the analysis with a
 * note, and a model that still fails (the stats layer throws a RangeError rather than return NaN) leaves the
 * analysis without a result and with a note naming the trials most likely to blame.
 */
import { StudyInputError } from '$lib/stats/checks';
import type { StudyEffect } from './types';

const g = (x: number) => x.toPrecision(3);

/**
 * Why an effect cannot enter a model, or null when it can.
 * @example unusableReason({ yi: -10, vi: 0, ... }) // 'its sampling variance is 0 (the SDs are too small ...)'
 */
export function unusableReason(e: Pick<StudyEffect, 'yi' | 'vi'>): string | null {
	if (!Number.isFinite(e.yi)) return 'its effect is not a finite number; check the means or estimate';
	if (!Number.isFinite(e.vi)) return 'its sampling variance is not a finite number; check the SDs, n or CI';
	if (!(e.vi > 0 && Number.isFinite(1 / e.vi)))
		return `its sampling variance is ${e.vi === 0 ? '0' : g(e.vi)}, too small to weight (check the SDs, n or CI)`;
	return null;
}

/** Runs an effect computation; a RangeError from the stats layer becomes the reason string. */
export function effectOrReason<T>(f: () => T | string): T | string {
	try {
		return f();
	} catch (e) {
		if (e instanceof RangeError) return e.message;
		throw e;
	}
}

/** The note of an analysis whose model failed: the reason, and the trial at fault or the extreme trials. */
export function notPooledNote(e: unknown, kept: readonly StudyEffect[]): string {
	if (!(e instanceof RangeError)) throw e;
	if (e instanceof StudyInputError && kept[e.index])
		return `Not pooled: ${kept[e.index]!.study} (${e.message}). Check its numbers.`;
	let small = kept[0]!;
	let large = kept[0]!;
	for (const s of kept) {
		if (s.vi < small.vi) small = s;
		if (Math.abs(s.yi) > Math.abs(large.yi)) large = s;
	}
	return (
		`Not pooled: ${e.message}. Check ${small.study} (the smallest sampling variance, ${g(small.vi)})` +
		(large === small ? '.' : ` and ${large.study} (the largest effect, ${g(large.yi)}).`)
	);
}
