/**
 * P-scores (Rucker & Schwarzer 2015, BMC Med Res Methodol 15:58): the mean, over the other treatments, of the
 * one-sided probability that a treatment is better, P_i = 1/(T - 1) sum_{j != i} Phi((d_j - d_i) / se_ij) when
 * small values are good (Phi((d_i - d_j) / se_ij) when they are bad). A frequentist analogue of SUCRA; it ignores
 * the size of the differences, so it is shown beside the estimates, never alone.
 */
import { pnorm } from '../distributions';
import type { PairEstimate, PScore } from './types';

/**
 * @example pScores(['P', 'A'], league, 'good') // A better than P with probability ... -> [{ P: ... }, { A: ... }]
 */
export function pScores(
	treatments: readonly string[],
	league: readonly PairEstimate[],
	smallValues: 'good' | 'bad'
): PScore[] {
	const sign = smallValues === 'good' ? -1 : 1;
	const sums = new Map(treatments.map((t) => [t, 0]));
	for (const e of league) sums.set(e.treatment, sums.get(e.treatment)! + pnorm((sign * e.estimate) / e.se));
	return treatments.map((t) => ({ treatment: t, pscore: sums.get(t)! / (treatments.length - 1) }));
}
