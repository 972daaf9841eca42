/**
 * Combining two arms of one trial into a single group, so that a multi-arm trial enters a pairwise comparison once.
 * Source: Cochrane Handbook for Systematic Reviews of Interventions, version 6.4, Table 6.5.a and section 23.3.4.
 */

/** Summary of one continuous arm. */
export interface ContinuousArm {
	n: number;
	mean: number;
	sd: number;
}

/** Summary of one binary arm. */
export interface BinaryArm {
	n: number;
	events: number;
}

/**
 * n = n1 + n2, mean = (n1 m1 + n2 m2) / n,
 * sd = sqrt(((n1-1) sd1^2 + (n2-1) sd2^2 + n1 n2 / (n1+n2) (m1 - m2)^2) / (n1 + n2 - 1)).
 * These are exactly the mean and SD of the pooled individual observations.
 * @example
 * combineContinuousArms({ n: 10, mean: 5, sd: 2 }, { n: 20, mean: 8, sd: 3 })
 * // { n: 30, mean: 7, sd: 3.0343 }
 */
export function combineContinuousArms(a: ContinuousArm, b: ContinuousArm): ContinuousArm {
	if (![a.n, a.mean, a.sd, b.n, b.mean, b.sd].every(Number.isFinite)) throw new RangeError('non-finite arm');
	if (a.n <= 0 || b.n <= 0 || a.sd < 0 || b.sd < 0) throw new RangeError('need n > 0 and sd >= 0');
	const n = a.n + b.n;
	const d = a.mean - b.mean;
	const ss = (a.n - 1) * a.sd * a.sd + (b.n - 1) * b.sd * b.sd + ((a.n * b.n) / n) * d * d;
	return { n, mean: (a.n * a.mean + b.n * b.mean) / n, sd: Math.sqrt(ss / (n - 1)) };
}

/**
 * Binary arms are combined by summing events and sample sizes (Cochrane Handbook Table 6.5.a).
 * @example combineBinaryArms({ n: 50, events: 10 }, { n: 40, events: 12 }) // { n: 90, events: 22 }
 */
export function combineBinaryArms(a: BinaryArm, b: BinaryArm): BinaryArm {
	if (![a.n, a.events, b.n, b.events].every(Number.isFinite)) throw new RangeError('non-finite arm');
	if (a.events < 0 || b.events < 0 || a.events > a.n || b.events > b.n)
		throw new RangeError('events in [0, n]');
	return { n: a.n + b.n, events: a.events + b.events };
}
