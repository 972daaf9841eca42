/**
 * Plausibility limits (data/CODEBOOK.md, "Plausibility limits"; issue 16). Numbers beyond them are well formed
 * but no trial produces them, and in double precision they overflow or underflow the meta-analysis (a variance
 * of 0, an infinite effect, weights 1e30 apart). They are rejected with the row, the column and a reason, so the
 * engine never has to guess. The limits are far outside any real trial: the largest trials randomise ~1e5
 * people; an SD of a millionth of the scale range or a CI narrower than 1e-6 is not a measurement.
 */
import type { RowReader } from './row-reader';
import { scaleRange } from './scales';

/** Participants in one arm. */
export const MAX_N = 1e7;
/** |mean|, sd, and |estimate| and CI limits of differences, in scale units. */
export const MAX_ABS = 1e6;
/** sd >= MIN_SD_FRACTION x the scale's range (or x 1 unit when the range is unknown). */
export const MIN_SD_FRACTION = 1e-6;
/** Ratios (RR, OR) between 1 / MAX_ABS and MAX_ABS. */
export const MIN_RATIO = 1 / MAX_ABS;
/** ci_upper - ci_lower (of the logs, for ratios) at least this. */
export const MIN_CI_WIDTH = 1e-6;

const fmt = (x: number) => x.toLocaleString('en', { maximumFractionDigits: 6 });

/** n (or n_treatment, n_control) at most MAX_N. */
export function checkN(r: RowReader, i: number, name: string, n: number): void {
	if (n > MAX_N)
		r.error(
			name,
			r.raw(i),
			`${name} is ${r.raw(i)}, more than ${fmt(MAX_N)} participants: no trial arm is this large; check the value`,
			'n counts the participants analysed in this arm.'
		);
}

/** |value| at most MAX_ABS scale units (mean, sd of trials.csv). */
export function checkScaleValue(r: RowReader, i: number, name: string, x: number): boolean {
	if (!(Math.abs(x) > MAX_ABS)) return true;
	r.error(
		name,
		r.raw(i),
		`${name} is ${r.raw(i)}, beyond ±${fmt(MAX_ABS)} scale units: check the value and the scale`,
		'Give the value in the units of the scale named in the scale column.'
	);
	return false;
}

/**
 * sd at least MIN_SD_FRACTION of the scale's range (known scales and codes ending in _min_max); `range` is
 * scaleRange(scale), passed by a caller that remembers it.
 */
export function checkSdFloor(
	r: RowReader,
	i: number,
	scale: string,
	sd: number,
	range = scaleRange(scale)
): void {
	if (!(sd > 0)) return;
	const floor = MIN_SD_FRACTION * (range ? range.max - range.min : 1);
	if (sd >= floor) return;
	const of = range ? `of the range of ${scale} (${fmt(floor)})` : 'scale units';
	r.error(
		'sd',
		r.raw(i),
		`sd is ${r.raw(i)}, below ${fmt(MIN_SD_FRACTION)} ${of}: no trial has so little spread; check the value`,
		'A standard deviation describes the spread across participants; an SE or CI must be converted first.'
	);
}

/** The estimate and CI limits of contrasts.csv: within MAX_ABS (ratios within MIN_RATIO..MAX_ABS). */
export function checkContrastValue(
	r: RowReader,
	i: number,
	name: string,
	x: number,
	ratio: boolean
): boolean {
	const ok = ratio ? !(x < MIN_RATIO || x > MAX_ABS) || !(x > 0) : !(Math.abs(x) > MAX_ABS);
	if (ok) return true;
	r.error(
		name,
		r.raw(i),
		ratio
			? `${name} is ${r.raw(i)}, outside ${fmt(MIN_RATIO)} to ${fmt(MAX_ABS)} for a ratio: check the value`
			: `${name} is ${r.raw(i)}, beyond ±${fmt(MAX_ABS)}: check the value`,
		'Enter the estimate and its 95% CI as reported (ratios as ratios).'
	);
	return false;
}

/** A CI at least MIN_CI_WIDTH wide (of the logs for ratios); assumes lower < upper was checked. */
export function checkCiWidth(r: RowReader, i: number, lower: number, upper: number, ratio: boolean): void {
	const width = ratio ? Math.log(upper) - Math.log(lower) : upper - lower;
	if (!(width < MIN_CI_WIDTH)) return;
	r.error(
		'ci_upper',
		r.raw(i),
		`the confidence interval ${lower} to ${upper} is narrower than ${fmt(MIN_CI_WIDTH)}${ratio ? ' on the log scale' : ''}: no trial is this precise; check the limits`,
		'Check that ci_lower and ci_upper are the limits of the 95% CI, not the estimate repeated.'
	);
}
