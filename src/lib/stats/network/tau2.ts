/**
 * Between-study variance of a network (common tau^2, P = 1/2 correlation within multi-arm studies).
 * Generalised DerSimonian-Laird (netmeta's default; Jackson, White & Riley 2012; Rucker 2012):
 *   tau^2 = max(0, (Q - (N - p)) / (tr(W P) - tr((X'WX)^-1 X'W P W X))),
 * Q = residual Q of the common-effect fit, N = number of contrasts, p = number of parameters.
 * REML (metafor rma.mv, random = ~ comp | study, rho = 1/2): Fisher scoring
 *   tau^2 <- tau^2 + (y'RPRy - tr(RP)) / tr(RPRP)
 * from the DL value, a step that would make tau^2 negative is halved (or, when the score at 0 is <= 0, tau^2 = 0);
 * stop when the step is <= 1e-10 max(1, tau^2), at most `maxiter` iterations. Finally tau^2 = 0 is kept if its
 * restricted log-likelihood is higher (a boundary maximum).
 * Restricted log-likelihood, up to a constant that does not depend on tau^2 (metafor adds 1/2 log det(X'X), which
 * depends on each study's choice of reference arm):
 *   -1/2 [(N - p) log(2 pi) + sum log det Sigma_s + log det(X'WX) + Q(tau^2)].
 * Source: Harville (1977) JASA 72:320; Viechtbauer (2005) J Educ Behav Stat 30:261; metafor `rma.mv`.
 */
import { studyBlock, type StudyBlock } from './block';
import { glsFit, type ArmModel, type GlsResult } from './gls';
import type { StudyContrasts } from './types';

export const NETWORK_REML_MAXITER = 100;
const STEP_TOL = 1e-10;

/** Study blocks at tau^2 (null if a study's Sigma is not positive definite). */
export function blocksAt(
	studies: readonly StudyContrasts[],
	tau2: number,
	extras = false
): StudyBlock[] | null {
	const out: StudyBlock[] = [];
	for (const s of studies) {
		const b = studyBlock(s, tau2, extras);
		if (!b) return null;
		out.push(b);
	}
	return out;
}

/** GLS fit of the model at tau^2; throws when the model cannot be fitted (never for a connected network). */
export function fitAt(
	studies: readonly StudyContrasts[],
	model: ArmModel,
	tau2: number,
	extras = false
): GlsResult {
	const blocks = blocksAt(studies, tau2, extras);
	const fit = blocks && glsFit(blocks, model, extras);
	if (!fit) throw new RangeError(`the network model cannot be fitted at tau2 = ${tau2}`);
	return fit;
}

/** Number of contrasts, sum over studies of (arms - 1). */
export function contrastCount(studies: readonly StudyContrasts[]): number {
	return studies.reduce((acc, s) => acc + s.y.length, 0);
}

/**
 * Generalised DerSimonian-Laird tau^2 of the model (0 when the denominator is not positive).
 * @example tau2GDL(stowe, consistencyModel) // 0.1518 (Balduzzi et al. 2023, section 5.1)
 */
export function tau2GDL(studies: readonly StudyContrasts[], model: ArmModel): number {
	const fit = fitAt(studies, model, 0, true);
	const df = contrastCount(studies) - model.q;
	const den = fit.trRP!;
	if (!(den > 1e-12 * Math.abs(fit.q)) || df <= 0) return 0;
	return Math.max(0, (fit.q - df) / den);
}

/**
 * Restricted log-likelihood at tau^2, without metafor's 1/2 log det(X'X) constant; -Infinity if it cannot be fitted.
 * @example remlLogLikNetwork(stowe, model, 0.1290449) > remlLogLikNetwork(stowe, model, 0.2) // true
 */
export function remlLogLikNetwork(studies: readonly StudyContrasts[], model: ArmModel, tau2: number): number {
	const blocks = blocksAt(studies, tau2);
	const fit = blocks && glsFit(blocks, model);
	if (!blocks || !fit) return -Infinity;
	const sumLogDet = blocks.reduce((acc, b) => acc + b.logDetSigma, 0);
	const nMinusP = contrastCount(studies) - model.q;
	return -0.5 * (nMinusP * Math.log(2 * Math.PI) + sumLogDet + fit.logDetXtWX + fit.q);
}

export interface RemlNetworkEstimate {
	tau2: number;
	iterations: number;
	converged: boolean;
}

/**
 * REML tau^2 by bounded Fisher scoring; `converged` false (tau2 NaN) after `maxiter` iterations or a non-finite step.
 * @example tau2REMLNetwork(stowe, consistencyModel).tau2 // 0.1290449 (metafor rma.mv)
 */
export function tau2REMLNetwork(
	studies: readonly StudyContrasts[],
	model: ArmModel,
	maxiter = NETWORK_REML_MAXITER
): RemlNetworkEstimate {
	let tau2 = tau2GDL(studies, model);
	const scoreStep = (t: number): number => {
		const f = fitAt(studies, model, t, true);
		return (f.yRPRy! - f.trRP!) / f.trRPRP!;
	};
	let zeroScore: number | null = null;
	for (let iter = 1; iter <= maxiter; iter++) {
		let adj = scoreStep(tau2);
		if (!Number.isFinite(adj)) return { tau2: NaN, iterations: iter, converged: false };
		if (tau2 + adj < 0) {
			zeroScore ??= scoreStep(0);
			if (zeroScore <= 0) {
				tau2 = 0;
				return { tau2, iterations: iter, converged: true };
			}
			while (tau2 + adj < 0) adj /= 2;
		}
		tau2 += adj;
		if (Math.abs(adj) <= STEP_TOL * Math.max(1, tau2)) {
			if (tau2 > 0 && remlLogLikNetwork(studies, model, 0) > remlLogLikNetwork(studies, model, tau2))
				tau2 = 0;
			return { tau2, iterations: iter, converged: true };
		}
	}
	return { tau2: NaN, iterations: maxiter, converged: false };
}
