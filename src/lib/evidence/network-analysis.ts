/**
 * Network meta-analysis inputs from the dataset (docs/ARCHITECTURE.md section 4.10): per outcome x population x
 * window, one row per study with all its arms (arms of one node combined), on the same scales and orientation as
 * the pairwise analyses (pain MD on 0-100, negative favours the first-named treatment; function SMD; responders
 * log RR), then the network engine of src/lib/stats/network. A study without usable arm-level data enters with its
 * reported contrast when it has two arms; a multi-arm trial reported only as contrasts is left out (the covariance
 * of its contrasts is unknown), with the reason.
 */
import { normaliseArm } from '$lib/data/normalise';
import { robProfile } from '$lib/data/rob';
import type { NetworkHeld } from './network-held';
import type { Outcome, Population, Rob } from '$lib/data/schema';
import type { ArmRow, ContrastRow, Dataset } from '$lib/data/types';
import {
	contrastsMD,
	contrastsRR,
	contrastsSMD,
	networkMetaAnalysis,
	type NetworkAnalysis,
	type NetworkMethod,
	type StudyContrasts
} from '$lib/stats/network';
import { COLLATOR } from './arm-effects';
import { analysisUnit, measureFor } from './analyses';
import { contrastEffect } from './contrast-effects';
import { groupBy } from './group-by';
import {
	DEFAULT_NODES,
	lumpedReason,
	nodeOf,
	nodeRank,
	type NetworkNodes,
	type NodeId
} from './network-nodes';
import { findNetwork, robKey } from './network-find';
import { scaleRank, to100 } from './scales';
import type { AnalysisSettings, Window } from './types';
import { closestTimepoint, WINDOWS } from './windows';

/** One study of a network, as entered. */
export interface NetworkStudy {
	study_id: string;
	study: string;
	year: number;
	/** Its nodes, in the order of its contrasts (the first is the study's reference arm). */
	nodes: NodeId[];
	/** Participants per node (null when a reported contrast does not give them). */
	n: (number | null)[];
	from: 'arms' | 'contrast';
	timepoint_weeks: number;
	scale: string;
	/** RoB 2 overall judgement per comparison of its arm types (`acupuncture-vs-sham`), from data/rob.csv or `rob`. */
	rob: Record<string, Rob | null>;
	/** Why one of its nodes stands in for another treatment (indirectness), or null. */
	indirect: string | null;
}

/** The network of one outcome x population x window. */
export interface OutcomeNetwork {
	/** `pain:chronic:short` */
	id: string;
	outcome: Outcome;
	population: Population;
	window: Window;
	measure: 'MD' | 'SMD' | 'RR';
	unit: string;
	nodeChoices: NetworkNodes;
	/** Studies entered, in the order of `input`. */
	studies: NetworkStudy[];
	input: StudyContrasts[];
	/** Studies left out by the user's choices (exclusions, high risk of bias). */
	excluded: { study_id: string; study: string; reason: string }[];
	/** Studies left out by rule, with the reason. */
	notes: string[];
	/** The engine's result (null when fewer than two studies or it could not be fitted: see `error`). */
	analysis: NetworkAnalysis | null;
	error: string | null;
	/** Set when the worker sent it without its trial lists (network-held.ts): what they held, counted. */
	held?: NetworkHeld;
}

const byNode = (a: string, b: string) => nodeRank(a) - nodeRank(b) || COLLATOR.compare(a, b);

interface Entry {
	contrasts: StudyContrasts;
	meta: Omit<NetworkStudy, 'rob' | 'indirect'>;
	indirect: string | null;
}

/** A study's arm rows at one timepoint -> its contrasts, or why they cannot enter. */
function fromArms(rows: ArmRow[], measure: OutcomeNetwork['measure'], nodes: NetworkNodes): Entry | string {
	const binary = measure === 'RR';
	const ok = rows.filter((r) =>
		binary
			? r.events !== null
			: r.mean !== null && r.sd !== null && r.sd > 0 && (measure !== 'MD' || to100(r.scale) !== null)
	);
	const nodeRow = (r: ArmRow) => nodeOf(r.arm, r.sham_type, r.comparator, nodes);
	const groups = [...groupBy(ok, (r) => `${r.scale}|${r.measure ?? ''}`).values()]
		.map((g) => ({ g, count: new Set(g.map(nodeRow)).size }))
		.sort(
			(a, b) =>
				b.count - a.count ||
				scaleRank(a.g[0]!.outcome, a.g[0]!.scale) - scaleRank(b.g[0]!.outcome, b.g[0]!.scale) ||
				(a.g[0]!.measure === 'change' ? -1 : 0) - (b.g[0]!.measure === 'change' ? -1 : 0) ||
				COLLATOR.compare(a.g[0]!.scale, b.g[0]!.scale)
		);
	const best = groups[0];
	if (!best || best.count < 2)
		return measure === 'MD'
			? 'fewer than two arms report a pain scale convertible to 0-100 with mean and SD'
			: 'fewer than two arms report the outcome on one shared scale';
	const sorted = [...best.g].sort((a, b) => byNode(nodeRow(a), nodeRow(b)));
	const id = sorted[0]!.study_id;
	let contrasts: StudyContrasts;
	try {
		if (binary)
			contrasts = contrastsRR({
				id,
				arms: sorted.map((r) => ({ treatment: nodeRow(r), n: r.n, events: r.events! }))
			});
		else {
			const arms = sorted.map((r) => {
				const a = normaliseArm(r)!;
				return { treatment: nodeRow(r), n: r.n, mean: a.mean, sd: a.sd };
			});
			contrasts = measure === 'MD' ? contrastsMD({ id, arms }) : contrastsSMD({ id, arms });
		}
	} catch (e) {
		return (e as Error).message;
	}
	const first = sorted[0]!;
	const lumped = sorted.map((r) => lumpedReason(r.arm, r.comparator, nodeRow(r))).filter(Boolean);
	return {
		contrasts,
		indirect: lumped.length ? [...new Set(lumped)].join('; ') : null,
		meta: {
			study_id: id,
			study: first.study,
			year: first.year,
			nodes: contrasts.treatments as NodeId[],
			n: contrasts.n ?? contrasts.treatments.map(() => null),
			from: 'arms',
			timepoint_weeks: first.timepoint_weeks,
			scale: first.scale
		}
	};
}

/** A two-arm study's reported contrast at one timepoint, or why it cannot enter. */
function fromContrast(
	rows: ContrastRow[],
	measure: OutcomeNetwork['measure'],
	nodes: NetworkNodes
): Entry | string {
	const usable = rows.filter((r) => r.measure === measure);
	if (usable.length === 0) return `its reported contrasts are not ${measure}s and it has no usable arm data`;
	const pairs = new Set(usable.map((r) => [r.treatment, r.control].sort().join('|')));
	if (pairs.size > 1)
		return 'a multi-arm trial reported only as contrasts: their covariance is unknown, so it cannot enter the network';
	const row = usable[0]!;
	const e = contrastEffect(row, measure);
	if (typeof e === 'string') return e;
	const t = nodeOf(row.treatment, row.sham_type, null, nodes);
	const c = nodeOf(row.control, row.sham_type, row.comparator, nodes);
	// contrastEffect orients along ARM_ORDER: yi is (treatment - control), or (control - treatment) when reversed
	const flipped = e.treatment_label !== row.treatment;
	const [ref, other] = flipped ? [t, c] : [c, t];
	if (ref === other) return 'both arms fall on the same node';
	return {
		contrasts: { id: row.study_id, treatments: [ref, other], y: [e.yi], V: [[e.vi]] },
		indirect: lumpedReason(row.control, row.comparator, c),
		meta: {
			study_id: row.study_id,
			study: row.study,
			year: row.year,
			nodes: [ref, other],
			n: flipped ? [row.n_treatment, row.n_control] : [row.n_control, row.n_treatment],
			from: 'contrast',
			timepoint_weeks: row.timepoint_weeks,
			scale: row.scale
		}
	};
}

const ENGINE_METHOD: Record<AnalysisSettings['method'], NetworkMethod> = {
	REML: 'REML',
	DL: 'DL',
	PM: 'DL',
	FE: 'FE'
};

/** The preferred reference of a network: no treatment, then usual care, then sham, when present. */
const REFERENCES: readonly NodeId[] = ['no_treatment', 'waiting_list', 'usual_care', 'sham', 'active_drug'];

/**
 * The network of one outcome x population x window.
 * @example buildNetwork(data, settings, 'pain', 'chronic', 'short').analysis?.components[0].league
 */
export function buildNetwork(
	data: Dataset,
	settings: AnalysisSettings,
	outcome: Outcome,
	population: Population,
	window: Window,
	nodes: NetworkNodes = settings.network ?? DEFAULT_NODES
): OutcomeNetwork {
	const measure = measureFor(outcome, settings) as OutcomeNetwork['measure'];
	const inPop = <T extends { outcome: Outcome; population: Population }>(r: T) =>
		r.outcome === outcome && r.population === population;
	const arms = groupBy(data.trials.filter(inPop), (r) => r.study_id);
	const contrasts = groupBy(data.contrasts.filter(inPop), (r) => r.study_id);
	const ids = [...new Set([...arms.keys(), ...contrasts.keys()])];
	const notes: string[] = [];
	const entries: Entry[] = [];
	for (const id of ids) {
		const byTime = groupBy(arms.get(id) ?? [], (r) => r.timepoint_weeks);
		const tried: string[] = [];
		let entry: Entry | null = null;
		// timepoints in the window, closest to its target first (ties: the earlier)
		const weeks = [...byTime.keys()];
		while (!entry) {
			const t = closestTimepoint(weeks, window);
			if (t === null) break;
			const e = fromArms(byTime.get(t)!, measure, nodes);
			if (typeof e === 'string') tried.push(`week ${t}: ${e}`);
			else entry = e;
			weeks.splice(weeks.indexOf(t), 1);
		}
		if (!entry) {
			const rows = contrasts.get(id) ?? [];
			const t = closestTimepoint(
				rows.map((r) => r.timepoint_weeks),
				window
			);
			if (t !== null) {
				const e = fromContrast(
					rows.filter((r) => r.timepoint_weeks === t),
					measure,
					nodes
				);
				if (typeof e === 'string') tried.push(`week ${t}: ${e}`);
				else entry = e;
			}
		}
		if (entry) entries.push(entry);
		else if (tried.length) {
			const name = (arms.get(id)?.[0] ?? contrasts.get(id)?.[0])!.study;
			notes.push(`${name}: left out, ${tried.join('; ')}.`);
		}
	}
	entries.sort((a, b) => a.meta.year - b.meta.year || COLLATOR.compare(a.meta.study, b.meta.study));
	const excluded: OutcomeNetwork['excluded'] = [];
	const studies: NetworkStudy[] = [];
	const input: StudyContrasts[] = [];
	for (const e of entries) {
		const rowRob =
			arms.get(e.meta.study_id)?.find((r) => r.rob)?.rob ??
			contrasts.get(e.meta.study_id)?.find((r) => r.rob)?.rob ??
			null;
		const rob: Record<string, Rob | null> = {};
		const ns = e.meta.nodes;
		for (let i = 0; i < ns.length; i++)
			for (let j = i + 1; j < ns.length; j++) {
				const key = robKey(ns[i]!, ns[j]!);
				rob[key] = data.rob?.length ? (robProfile(data.rob, e.meta.study_id, key).overall ?? rowRob) : rowRob;
			}
		const worst = Object.values(rob).includes('high');
		const { study_id, study } = e.meta;
		if (settings.excluded.includes(study_id)) excluded.push({ study_id, study, reason: 'excluded by you' });
		else if (settings.excludeHighRob && worst)
			excluded.push({ study_id, study, reason: 'high risk of bias (setting)' });
		else {
			studies.push({ ...e.meta, rob, indirect: e.indirect });
			input.push(e.contrasts);
		}
	}
	const base = {
		id: `${outcome}:${population}:${window}`,
		outcome,
		population,
		window,
		measure,
		unit: analysisUnit(outcome, measure),
		nodeChoices: nodes,
		studies,
		input,
		excluded,
		notes
	};
	if (settings.method === 'PM')
		notes.push('Paule-Mandel has no network version here: tau² is the generalised DerSimonian-Laird.');
	if (input.length < 2) return { ...base, analysis: null, error: null };
	try {
		const present = new Set(input.flatMap((s) => s.treatments));
		const analysis = networkMetaAnalysis(input, {
			method: ENGINE_METHOD[settings.method],
			level: settings.level,
			reference: REFERENCES.find((r) => present.has(r)),
			predictionQuantile: 't',
			smallValues: measure === 'RR' ? 'bad' : 'good'
		});
		return { ...base, analysis, error: null };
	} catch (e) {
		return { ...base, analysis: null, error: `The network could not be fitted: ${(e as Error).message}` };
	}
}

/** Outcomes with a network (adverse-event definitions are never pooled together, so they have none). */
const NETWORK_OUTCOMES: readonly Outcome[] = ['pain', 'function', 'responder'];

/** Every outcome x population x window network with at least two studies. */
export function buildNetworks(data: Dataset, settings: AnalysisSettings): OutcomeNetwork[] {
	const out: OutcomeNetwork[] = [];
	const present = new Set([...data.trials, ...data.contrasts].map((r) => `${r.outcome}:${r.population}`));
	for (const outcome of NETWORK_OUTCOMES)
		for (const population of ['chronic', 'acute'] as const) {
			if (!present.has(`${outcome}:${population}`)) continue;
			for (const { id: window } of WINDOWS) {
				const n = buildNetwork(data, settings, outcome, population, window);
				if (n.studies.length + n.excluded.length >= 2) out.push(n);
			}
		}
	return out;
}

export { findNetwork, robKey };
