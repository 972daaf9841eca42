/**
 * Network meta-analysis of studies on the contrast scale (NMA.md sections 1-2): one fit per connected part of the
 * network. Per part: tau^2 (generalised DL, REML, common effect or fixed), the consistency GLS fit, every pairwise
 * estimate with CI and prediction interval, Q and I^2, the design-by-treatment interaction test, SIDE per
 * comparison, P-scores and the contribution matrix.
 * Source: Salanti (2012) Res Synth Methods 3:80; Rucker (2012); Balduzzi et al. (2023) J Stat Softw 106(2);
 * metafor `rma.mv`.
 */
import { alphaFromLevel } from '../distributions';
import { contributionMatrix } from './contribution';
import { designByTreatment } from './design-by-treatment';
import { components } from './graph';
import { networkHeterogeneity } from './heterogeneity';
import { leagueTable, pairEstimate, type LeagueInput } from './league';
import { consistencyModel } from './model';
import { pScores } from './pscore';
import { sideSplit } from './side';
import { blocksAt, contrastCount, fitAt, NETWORK_REML_MAXITER, tau2GDL, tau2REMLNetwork } from './tau2';
import type { NetworkAnalysis, NetworkFit, NetworkOptions, StudyContrasts } from './types';
import { checkStudies } from './validate';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Reference of a part: the requested one if present, else the treatment in most studies (ties by name). */
function chooseReference(studies: readonly StudyContrasts[], requested?: string): string {
	const count = new Map<string, number>();
	for (const s of studies) for (const t of s.treatments) count.set(t, (count.get(t) ?? 0) + 1);
	if (requested && count.has(requested)) return requested;
	return [...count.entries()].sort((a, b) => b[1] - a[1] || byName(a[0], b[0]))[0]![0];
}

/** Fits one connected network. */
export function fitNetwork(studies: readonly StudyContrasts[], options: NetworkOptions = {}): NetworkFit {
	const level = options.level ?? 95;
	alphaFromLevel(level);
	const reference = chooseReference(studies, options.reference);
	const others = [...new Set(studies.flatMap((s) => s.treatments))]
		.filter((t) => t !== reference)
		.sort(byName);
	const treatments = [reference, ...others];
	const model = consistencyModel(studies, treatments);
	const notes: string[] = [];
	let method: NetworkFit['method'] = options.tau2 !== undefined ? 'fixed' : (options.method ?? 'DL');
	let tau2 = 0;
	let iterations: number | null = null;
	if (method === 'fixed') {
		tau2 = options.tau2!;
		if (!(tau2 >= 0 && Number.isFinite(tau2))) throw new RangeError('a fixed tau2 must be finite and >= 0');
	} else if (method === 'DL') {
		tau2 = tau2GDL(studies, model);
	} else if (method === 'REML') {
		const r = tau2REMLNetwork(studies, model, options.maxiter ?? NETWORK_REML_MAXITER);
		iterations = r.iterations;
		if (r.converged) tau2 = r.tau2;
		else {
			tau2 = tau2GDL(studies, model);
			method = 'DL';
			notes.push(`REML did not converge in ${r.iterations} iterations; the generalised DL tau2 is used.`);
		}
	}
	const blocks = blocksAt(studies, tau2)!;
	const fit = fitAt(studies, model, tau2);
	const q0 = method === 'FE' || tau2 === 0 ? fit.q : fitAt(studies, model, 0).q;
	const df = contrastCount(studies) - model.q;
	// a common-effect model has no prediction interval: it equals the CI (as metafor)
	const predictionQuantile = method === 'FE' ? 'z' : (options.predictionQuantile ?? 't');
	const input: LeagueInput = {
		treatments,
		beta: fit.beta,
		vcov: fit.vcov,
		tau2,
		level,
		predictionQuantile,
		df
	};
	const league = leagueTable(input);
	const side = [];
	for (let i = 0; i < treatments.length; i++)
		for (let j = i + 1; j < treatments.length; j++)
			side.push(sideSplit(studies, tau2, pairEstimate(input, j, i)));
	if (predictionQuantile === 't' && df < 1)
		notes.push('No prediction intervals: Q has no degrees of freedom.');
	return {
		treatments,
		reference,
		studies: studies.map((s) => s.id),
		contrasts: contrastCount(studies),
		method,
		tau2,
		iterations,
		level,
		predictionQuantile,
		predictionDf: predictionQuantile === 't' ? df : null,
		heterogeneity: networkHeterogeneity(q0, df, level),
		vsReference: others.map((_, k) => pairEstimate(input, k + 1, 0)),
		vcov: fit.vcov,
		league,
		designByTreatment: designByTreatment(studies, model, treatments),
		side,
		pscores: pScores(treatments, league, options.smallValues ?? 'good'),
		contributions:
			options.contributions === false ? null : contributionMatrix(studies, blocks, treatments, fit.vcov),
		notes
	};
}

/**
 * Checks the studies and analyses every connected part of the network separately.
 * @example networkMetaAnalysis(studies, { method: 'REML', reference: 'sham' }).components[0].league
 */
export function networkMetaAnalysis(
	studies: readonly StudyContrasts[],
	options: NetworkOptions = {}
): NetworkAnalysis {
	checkStudies(studies);
	const parts = components(studies).map((idx) => idx.map((i) => studies[i]!));
	const fits = parts.map((p) => fitNetwork(p, options));
	const connected = fits.length === 1;
	const message = connected
		? null
		: `The network is disconnected: ${fits.length} parts share no treatment (` +
			fits.map((f) => `{${f.treatments.join(', ')}}`).join(' and ') +
			'). Treatments in different parts cannot be compared, so each part is analysed on its own.';
	return { components: fits, connected, message };
}
