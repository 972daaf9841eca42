/**
 * Standardised mean differences of a (multi-arm) study against its reference arm with one study-common SD, so that
 * the contrasts stay consistent (g_AC = g_AB + g_BC). With arms j = 0..m-1 (0 = reference), nu = sum(n) - m,
 * s = sqrt(sum((n_j - 1) sd_j^2) / nu), c = Hedges' exact correction c(nu), N = sum(n):
 *   g_j = c (mean_j - mean_0) / s,
 *   var(g_j) = 1/n_j + 1/n_0 + g_j^2 / (2N),   cov(g_j, g_k) = 1/n_0 + g_j g_k / (2N).
 * The arm terms 1/n are the sampling variance of the means in SD units; the rank-one term g g' / (2N) is the
 * delta-method variance of the common SD (var(log s) ~ 1/(2N)), which makes the covariance invariant to the choice
 * of reference arm. For two arms this is exactly metafor's escalc(measure = "SMD") (vtype "LS").
 * Source: Gleser & Olkin (2009), in The Handbook of Research Synthesis and Meta-Analysis, ch. 19 (multiple-treatment
 * studies); Hedges (1981) J Educ Stat 6:107; metafor `escalc`.
 */
import { hedgesCorrection } from '../escalc-continuous';
import { combineContinuousArms } from '../combine-arms';
import { mergeArms, type ArmStudy, type ContinuousArmInput } from './arms';
import type { StudyContrasts } from './types';

/**
 * SMD contrasts (Hedges' g with a study-common SD) of one study.
 * @example
 * // dat.normand1999, Edinburgh (metafor: yi -0.35517, vi 0.013065), as B vs A:
 * contrastsSMD({ id: 'E', arms: [{ treatment: 'A', n: 156, mean: 75, sd: 64 },
 *                                { treatment: 'B', n: 155, mean: 55, sd: 47 }] }) // y: [-0.35517]
 */
export function contrastsSMD(study: ArmStudy<ContinuousArmInput>): StudyContrasts {
	study.arms.forEach((a, i) => {
		if (![a.n, a.mean, a.sd].every(Number.isFinite) || !(a.n > 0) || !(a.sd > 0))
			throw new RangeError(`study "${study.id}", arm ${i + 1}: needs finite mean, sd > 0 and n > 0`);
	});
	const arms = mergeArms(study, combineContinuousArms);
	const m = arms.length;
	let ss = 0;
	let total = 0;
	for (const a of arms) {
		ss += (a.n - 1) * a.sd * a.sd;
		total += a.n;
	}
	const nu = total - m;
	const c = hedgesCorrection(nu);
	if (!Number.isFinite(c) || !(ss > 0))
		throw new RangeError(`study "${study.id}": SMD needs more participants than arms plus one`);
	const s = Math.sqrt(ss / nu);
	const ref = arms[0]!;
	const g = arms.slice(1).map((a) => (c * (a.mean - ref.mean)) / s);
	const V = g.map((gj, j) =>
		g.map((gk, k) => 1 / ref.n + (gj * gk) / (2 * total) + (j === k ? 1 / arms[j + 1]!.n : 0))
	);
	return { id: study.id, treatments: arms.map((a) => a.treatment), y: g, V, n: arms.map((a) => a.n) };
}
