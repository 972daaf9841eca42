/**
 * Effect sizes for two-group continuous outcomes, as metafor's `escalc()` with its defaults.
 * Source: metafor help page `escalc` (measures "MD" and "SMD", vtype = "LS"); Hedges (1981) for the exact bias
 * correction.
 */
import { lgamma } from './distributions';
import type { Effect } from './types';

/** Arm-level summaries of a continuous outcome (metafor argument names). Group 1 = treatment. */
export interface ContinuousArms {
	m1i: number;
	sd1i: number;
	n1i: number;
	m2i: number;
	sd2i: number;
	n2i: number;
}

function check(s: ContinuousArms): void {
	const { m1i, sd1i, n1i, m2i, sd2i, n2i } = s;
	if (![m1i, sd1i, n1i, m2i, sd2i, n2i].every(Number.isFinite))
		throw new RangeError('non-finite arm summary');
	if (sd1i < 0 || sd2i < 0) throw new RangeError('standard deviations must be >= 0');
	if (n1i <= 0 || n2i <= 0) throw new RangeError('group sizes must be > 0');
}

/**
 * Raw mean difference: yi = m1i - m2i, vi = sd1i^2/n1i + sd2i^2/n2i (metafor `escalc(measure = "MD")`,
 * default vtype "LS", no equal-variance assumption).
 * @example
 * // dat.normand1999 (Normand 1999), Edinburgh: length of stay, stroke unit vs general ward
 * escalcMD({ m1i: 55, sd1i: 47, n1i: 155, m2i: 75, sd2i: 64, n2i: 156 }) // { yi: -20, vi: 40.508 }
 */
export function escalcMD(s: ContinuousArms): Effect {
	check(s);
	return { yi: s.m1i - s.m2i, vi: (s.sd1i * s.sd1i) / s.n1i + (s.sd2i * s.sd2i) / s.n2i };
}

/**
 * Exact small-sample correction factor of Hedges (1981): c(m) = exp(lgamma(m/2) - log(sqrt(m/2)) -
 * lgamma((m-1)/2)), with m = n1 + n2 - 2 (metafor's `.cmicalc`). NaN when m <= 1.
 * @example hedgesCorrection(18) // 0.957646
 */
export function hedgesCorrection(m: number): number {
	if (!(m > 1)) return NaN;
	return Math.exp(lgamma(m / 2) - Math.log(Math.sqrt(m / 2)) - lgamma((m - 1) / 2));
}

/**
 * Standardised mean difference, Hedges' g (metafor `escalc(measure = "SMD")`, vtype "LS"):
 * sp = sqrt(((n1-1) sd1^2 + (n2-1) sd2^2) / m), m = n1 + n2 - 2, d = (m1 - m2) / sp, yi = c(m) d,
 * vi = 1/n1 + 1/n2 + yi^2 / (2 (n1 + n2)).
 * @throws RangeError when n1 + n2 <= 3 (the correction factor is undefined; metafor returns NA).
 * @example
 * // dat.normand1999, Edinburgh
 * escalcSMD({ m1i: 55, sd1i: 47, n1i: 155, m2i: 75, sd2i: 64, n2i: 156 }) // { yi: -0.35517, vi: 0.013065 }
 */
export function escalcSMD(s: ContinuousArms): Effect {
	check(s);
	const m = s.n1i + s.n2i - 2;
	const cmi = hedgesCorrection(m);
	if (!Number.isFinite(cmi)) throw new RangeError('SMD needs n1i + n2i > 3');
	const sdp = Math.sqrt(((s.n1i - 1) * s.sd1i * s.sd1i + (s.n2i - 1) * s.sd2i * s.sd2i) / m);
	const yi = (cmi * (s.m1i - s.m2i)) / sdp;
	return { yi, vi: 1 / s.n1i + 1 / s.n2i + (yi * yi) / (2 * (s.n1i + s.n2i)) };
}
