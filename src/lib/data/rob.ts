/**
 * data/rob.csv: the project's own Cochrane RoB 2 assessment of each trial, one row per study x comparison x domain
 * (codebook "Risk of bias"): its domains, columns and judgements, and each study's profile. The CSV is read and
 * validated by rob-csv.ts (kept apart so that the page, which gets the judgements from the build, loads no CSV parser).
 */
import type { Rob } from './schema';

/** RoB 2 domains in the tool's order, then the overall judgement. */
export const ROB_DOMAINS = [
	'randomisation',
	'deviations',
	'missing_data',
	'measurement',
	'reporting',
	'overall'
] as const;
export type RobDomain = (typeof ROB_DOMAINS)[number];

/** Readable domain names (RoB 2, Sterne et al. BMJ 2019;366:l4898). */
export const ROB_DOMAIN_LABELS: Record<RobDomain, string> = {
	randomisation: 'Randomisation process',
	deviations: 'Deviations from intended interventions',
	missing_data: 'Missing outcome data',
	measurement: 'Measurement of the outcome',
	reporting: 'Selection of the reported result',
	overall: 'Overall'
};

export const ROB_COLUMNS = [
	'study_id',
	'tool',
	'comparison',
	'domain',
	'judgement',
	'support',
	'source',
	'locator',
	'notes'
] as const;

/** One judgement with its support: the quote, where it stands, and the assessor's reasoning. */
export interface RobJudgement {
	line: number;
	study_id: string;
	tool: string;
	/** `all`, or `<treatment>-vs-<control>` with the data contract's arm names. */
	comparison: string;
	domain: RobDomain;
	judgement: Rob;
	support: string;
	source: string;
	locator: string;
	notes: string;
}

/** Judgements of one study for one comparison: the comparison's own rows, then the study's `all` rows. */
export interface RobProfile {
	/** Overall judgement (RoB 2 wording), or null when not assessed. */
	overall: Rob | null;
	/** Every domain that has a judgement, in the tool's order. */
	domains: RobJudgement[];
}

const ORDER: Record<Rob, number> = { low: 0, some: 1, high: 2 };

/**
 * The RoB 2 profile of a study for a comparison (`acupuncture-vs-sham`): rows for that comparison first, then
 * rows for `all`. When neither has an overall row (a comparison the assessor did not name), the study's worst
 * overall judgement is used, the conservative choice.
 */
export function robProfile(
	judgements: readonly RobJudgement[],
	studyId: string,
	comparison: string
): RobProfile {
	const mine = judgements.filter((j) => j.study_id === studyId);
	if (mine.length === 0) return { overall: null, domains: [] };
	const domains = ROB_DOMAINS.flatMap((d) => {
		const j =
			mine.find((x) => x.domain === d && x.comparison === comparison) ??
			mine.find((x) => x.domain === d && x.comparison === 'all');
		return j ? [j] : [];
	});
	const own = domains.find((j) => j.domain === 'overall');
	const worst = mine
		.filter((j) => j.domain === 'overall')
		.reduce<Rob | null>((w, j) => (w === null || ORDER[j.judgement] > ORDER[w] ? j.judgement : w), null);
	return { overall: own?.judgement ?? worst, domains };
}
