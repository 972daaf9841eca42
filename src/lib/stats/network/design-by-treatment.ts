/**
 * Design-by-treatment interaction (Higgins et al. 2012, Res Synth Methods 3:98; as netmeta's decomp.design):
 * Q(consistency) = Q(within designs) + Q(between designs), Q(within) = residual Q of the interaction model (one
 * parameter set per design), Q(between) on df = N - p - df(within) tests inconsistency with common effects.
 * Random effects: tau^2 within designs by the generalised DL on the interaction model, and
 * Q = Q_consistency(tau^2) - Q_interaction(tau^2) (GLS residual Qs at that tau^2), chi-square on the same df.
 */
import { pchisq } from '../distributions';
import type { ArmModel } from './gls';
import { interactionModel } from './model';
import { contrastCount, fitAt, tau2GDL } from './tau2';
import type { DesignByTreatment, StudyContrasts } from './types';

/**
 * @example designByTreatment(stowe, model, treatments)
 * // qWithin 46.91 (25 df), qBetween 1.24 (2 df), random: tau2Within 0.4547^2, q 0.45 (Balduzzi et al. 2023)
 */
export function designByTreatment(
	studies: readonly StudyContrasts[],
	consistency: ArmModel,
	treatments: readonly string[]
): DesignByTreatment {
	const inc = interactionModel(studies, treatments);
	const n = contrastCount(studies);
	const cons0 = fitAt(studies, consistency, 0);
	const inc0 = fitAt(studies, inc, 0);
	const qWithinDf = n - inc.q;
	const qBetweenDf = n - consistency.q - qWithinDf;
	const qBetween = Math.max(0, cons0.q - inc0.q);
	const byDesign = new Map<string, { q: number; df: number }>();
	studies.forEach((s, i) => {
		const d = byDesign.get(inc.designs[i]!) ?? { q: 0, df: -(s.treatments.length - 1) };
		d.q += inc0.studyQ[i]!;
		d.df += s.treatments.length - 1;
		byDesign.set(inc.designs[i]!, d);
	});
	const perDesign = [...byDesign.entries()]
		.filter(([, d]) => d.df > 0)
		.map(([design, d]) => ({ design, q: d.q, df: d.df }));
	let random: DesignByTreatment['random'] = null;
	if (qBetweenDf > 0) {
		const tau2Within = tau2GDL(studies, inc);
		const q = Math.max(0, fitAt(studies, consistency, tau2Within).q - fitAt(studies, inc, tau2Within).q);
		random = { tau2Within, q, df: qBetweenDf, p: pchisq(q, qBetweenDf, false) };
	}
	return {
		designs: byDesign.size,
		qWithin: inc0.q,
		qWithinDf,
		qBetween,
		qBetweenDf,
		pBetween: qBetweenDf > 0 ? pchisq(qBetween, qBetweenDf, false) : 1,
		perDesign,
		random
	};
}
