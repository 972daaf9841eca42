/**
 * The network meta-analysis in the `npm run summarize -- --json` contract (docs/ARCHITECTURE.md section 6): the
 * engine's numbers at full precision, on the analysis scale (log for risk ratios), with the study inputs the R
 * script refits with metafor's rma.mv.
 */
import { DEFAULT_MIDS, midOnAnalysisScale } from './mid';
import type { OutcomeNetwork } from './network-analysis';
import { networkCertainty } from './network-certainty';

const fin = (x: number | null | undefined) =>
	x === null || x === undefined || !Number.isFinite(x) ? null : x;

/** One network (its first connected part; `message` says when the network is disconnected). */
export function networkJson(n: OutcomeNetwork, mid = DEFAULT_MIDS[n.measure].value) {
	const fit = n.analysis?.components[0] ?? null;
	const base = {
		id: n.id,
		outcome: n.outcome,
		population: n.population,
		window: n.window,
		measure: n.measure === 'RR' ? 'logRR' : n.measure,
		node_choices: n.nodeChoices,
		studies: n.studies.map((s, i) => ({
			study_id: s.study_id,
			from: s.from,
			timepoint_weeks: s.timepoint_weeks,
			treatments: n.input[i]!.treatments,
			n: s.n,
			y: n.input[i]!.y,
			V: n.input[i]!.V
		})),
		excluded: n.excluded,
		notes: [...n.notes, ...(n.error ? [n.error] : [])]
	};
	if (!fit) return { ...base, fit: null };
	const h = fit.heterogeneity;
	const dbt = fit.designByTreatment;
	const roe = midOnAnalysisScale(n.measure, mid);
	return {
		...base,
		connected: n.analysis!.connected,
		message: n.analysis!.message,
		fit: {
			treatments: fit.treatments,
			reference: fit.reference,
			studies: fit.studies,
			method: fit.method,
			tau2: fit.tau2,
			level: fit.level,
			prediction_quantile: fit.predictionQuantile,
			prediction_df: fit.predictionDf,
			q: h.q,
			q_df: h.df,
			q_p: fin(h.p),
			i2: h.i2,
			league: fit.league.map((e) => ({
				treatment: e.treatment,
				comparator: e.comparator,
				estimate: e.estimate,
				se: e.se,
				p: e.p,
				ci_lower: e.ci.lower,
				ci_upper: e.ci.upper,
				pi_lower: e.pi?.lower ?? null,
				pi_upper: e.pi?.upper ?? null
			})),
			side: fit.side.map((s) => ({
				treatment: s.treatment,
				comparator: s.comparator,
				kind: s.kind,
				direct_studies: s.directStudies,
				network: s.network,
				direct: s.direct,
				direct_se: s.directSe,
				indirect: s.indirect,
				indirect_se: s.indirectSe,
				proportion_direct: fin(s.proportion),
				z: s.z,
				p: s.p,
				note: s.note
			})),
			design_by_treatment: {
				designs: dbt.designs,
				q_within: dbt.qWithin,
				q_within_df: dbt.qWithinDf,
				q_between: dbt.qBetween,
				q_between_df: dbt.qBetweenDf,
				p_between: dbt.pBetween,
				random: dbt.random
					? { tau2_within: dbt.random.tau2Within, q: dbt.random.q, df: dbt.random.df, p: dbt.random.p }
					: null
			},
			pscores: fit.pscores,
			contributions: fit.contributions,
			certainty_roe: roe,
			certainty: networkCertainty(n, fit, roe).map((r) => ({
				treatment: r.treatment,
				comparator: r.comparator,
				level: r.level,
				domains: r.domains.map((d) => ({
					domain: d.domain,
					concern: d.concern,
					levels: d.levels,
					counted: d.counted,
					reason: d.reason
				}))
			})),
			notes: fit.notes
		}
	};
}

export type NetworkJson = ReturnType<typeof networkJson>;
