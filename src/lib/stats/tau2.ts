/**
 * tau^2 for a chosen estimator with the dashboard's fallback rule (docs/ARCHITECTURE.md section 4.6): if REML does not
 * converge (iteration limit, or a non-finite Fisher-scoring step), PM is tried, then DL; if PM (requested or as
 * a fallback) has no solution or meets a non-finite Q, DL is used. metafor does the same when given
 * `method = c("REML", "PM", "DL")`. Each fallback adds a plain note; `method` is the estimator actually used.
 * Source: metafor `rma.uni` (method vector handling), `?rma`.
 */
import type { Method } from './types';
import { tau2DL, type Tau2Estimate } from './tau2-moment';
import { tau2PM } from './tau2-pm';
import { tau2REML } from './tau2-reml';

export interface Tau2Fit extends Tau2Estimate {
	/** Estimator actually used. */
	method: Method;
	notes: string[];
}

/**
 * tau^2 by `method` (FE gives 0), falling back REML -> PM -> DL when an iterative estimator fails.
 * @example estimateTau2(yi, vi, 'REML') // { tau2: 0.3132, method: 'REML', notes: [] } for the BCG data
 */
export function estimateTau2(
	yi: ArrayLike<number>,
	vi: ArrayLike<number>,
	method: Method,
	xi?: ArrayLike<number>,
	maxiter = 100
): Tau2Fit {
	const notes: string[] = [];
	if (method === 'FE') return { tau2: 0, se: null, converged: true, iterations: 0, method, notes };
	if (method === 'DL') return { ...tau2DL(yi, vi, xi), method, notes };
	if (method === 'REML') {
		const r = tau2REML(yi, vi, xi, maxiter);
		if (r.converged) {
			if (r.localMax) {
				notes.push(
					'REML may have stopped at a local maximum; tau2 set to 0 (the likelihood is higher there), as metafor does.'
				);
			}
			return { tau2: r.tau2, se: r.se, converged: true, iterations: r.iterations, method, notes };
		}
		notes.push(
			r.failure === 'non-finite'
				? `REML (Fisher scoring) met a non-finite step after ${r.iterations} iteration${r.iterations === 1 ? '' : 's'} (the sampling variances differ too much for its arithmetic); PM used instead.`
				: `REML (Fisher scoring) did not converge in ${maxiter} iterations; PM used instead.`
		);
	}
	const pm = tau2PM(yi, vi, xi, maxiter);
	if (pm.converged) return { ...pm, method: 'PM', notes };
	notes.push(
		pm.failure === 'non-finite'
			? 'PM met a non-finite Q statistic (the sampling variances differ too much for its arithmetic); DL used instead.'
			: 'PM found no tau2 solution below the search limit; DL used instead.'
	);
	// DL is closed-form; a non-finite DL value is caught by fitModel's final check
	return { ...tau2DL(yi, vi, xi), method: 'DL', notes };
}
