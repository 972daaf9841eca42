/**
 * SIDE, separating indirect from direct evidence by back-calculation (Dias et al. 2010, Stat Med 29:932; netmeta's
 * netsplit default, Konig, Krahn & Binder 2013): per comparison a vs b, the direct estimate is the pairwise
 * inverse-variance mean over the studies that contain both, each with its a - b contrast and that contrast's
 * variance var_s = Sigma_aa + Sigma_bb - 2 Sigma_ab of Sigma = V + tau^2 P at the model's tau^2 (a multi-arm
 * study enters with its a - b comparison as it is, as in netmeta's netsplit); then
 *   var_ind = 1 / (1/var_nma - 1/var_dir),  indirect = var_ind (nma/var_nma - direct/var_dir),
 *   z = (direct - indirect) / sqrt(var_dir + var_ind),  proportion direct = var_nma / var_dir.
 * Independent indirect evidence needs a loop through at least one study without both a and b: two different
 * treatments of the direct studies must be connected by the other studies. Otherwise, when a direct study has more
 * than two arms, the only loop lies inside multi-arm trials, which carry no information on inconsistency:
 * 'no independent loop', no p-value.
 */
import { pnorm } from '../distributions';
import { halfCorrelation } from './block';
import { independentLoop } from './graph';
import type { PairEstimate, SideResult, StudyContrasts } from './types';

/** Variance of the a - b contrast (arm indices, 0 = study reference) of a study at tau^2. */
function contrastVariance(s: StudyContrasts, tau2: number, a: number, b: number): number {
	const P = halfCorrelation(s.y.length);
	const cov = (i: number, j: number) =>
		i === 0 || j === 0 ? 0 : s.V[i - 1]![j - 1]! + tau2 * P[i - 1]![j - 1]!;
	return cov(a, a) + cov(b, b) - 2 * cov(a, b);
}

/**
 * Direct estimate of a vs b: inverse-variance mean of the studies' a - b contrasts (variance + tau^2 structure).
 * @example directEstimate(stowe, 0.1518, 'COMTI', 'MAOBI') // LARGO only: -0.02
 */
export function directEstimate(
	studies: readonly StudyContrasts[],
	tau2: number,
	a: string,
	b: string
): { estimate: number; variance: number; studies: number } | null {
	let sw = 0;
	let swy = 0;
	let count = 0;
	for (const s of studies) {
		const ia = s.treatments.indexOf(a);
		const ib = s.treatments.indexOf(b);
		if (ia < 0 || ib < 0) continue;
		const w = 1 / contrastVariance(s, tau2, ia, ib);
		const ta = ia === 0 ? 0 : s.y[ia - 1]!;
		const tb = ib === 0 ? 0 : s.y[ib - 1]!;
		sw += w;
		swy += w * (ta - tb);
		count++;
	}
	return count ? { estimate: swy / sw, variance: 1 / sw, studies: count } : null;
}

/**
 * SIDE for one comparison given its network estimate.
 * @example sideSplit(stowe, 0.1518, estimateOf('COMTI', 'Placebo')) // direct -0.93, indirect -1.65, p 0.51
 */
export function sideSplit(studies: readonly StudyContrasts[], tau2: number, nma: PairEstimate): SideResult {
	const base = {
		treatment: nma.treatment,
		comparator: nma.comparator,
		network: nma.estimate,
		indirect: null,
		indirectSe: null,
		difference: null,
		z: null,
		p: null
	};
	const d = directEstimate(studies, tau2, nma.treatment, nma.comparator);
	if (!d)
		return {
			...base,
			kind: 'indirect only',
			directStudies: 0,
			direct: null,
			directSe: null,
			proportion: 0,
			indirect: nma.estimate,
			indirectSe: nma.se,
			note: 'No study compares these treatments directly: the network estimate is indirect evidence only.'
		};
	const varNma = nma.se * nma.se;
	const varDir = d.variance;
	const known = { directStudies: d.studies, direct: d.estimate, directSe: Math.sqrt(varDir) };
	const precisionInd = 1 / varNma - 1 / varDir;
	const loop = independentLoop(studies, nma.treatment, nma.comparator);
	if (loop !== 'independent' || !(precisionInd > 1e-10 / varNma)) {
		const kind = loop === 'multi-arm only' ? 'no independent loop' : 'direct only';
		const note =
			kind === 'direct only'
				? 'Only direct evidence: no loop of studies connects these treatments another way.'
				: 'No independent loop: the only indirect route runs through the multi-arm trials that also give ' +
					'the direct estimate, so direct and indirect evidence cannot be compared.';
		return { ...base, ...known, kind, proportion: 1, note };
	}
	const varInd = 1 / precisionInd;
	const indirect = varInd * (nma.estimate / varNma - d.estimate / varDir);
	const difference = d.estimate - indirect;
	const z = difference / Math.sqrt(varDir + varInd);
	return {
		...base,
		...known,
		kind: 'direct and indirect',
		indirect,
		indirectSe: Math.sqrt(varInd),
		proportion: varNma / varDir,
		difference,
		z,
		p: 2 * pnorm(Math.abs(z), false),
		note: 'Direct and independent indirect evidence: z test of direct - indirect.'
	};
}
