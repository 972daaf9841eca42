/** Shared helpers for the network meta-analysis tests: fixture loading and arm data -> contrasts. */
import { readFileSync } from 'node:fs';
import { contrastsMD, type ContinuousArmInput, type StudyContrasts } from '$lib/stats/network';

export interface ArmRow extends ContinuousArmInput {
	study: string;
}

export interface PairFixture {
	a: string;
	b: string;
	estimate: number;
	se: number;
	ci: { lower: number; upper: number };
	pi: { lower: number; upper: number };
}

export interface ModelFixture {
	tau2: number;
	estimate: number[];
	se: number[];
	vcov: number[][];
	q: number;
	q_df: number;
	q_p: number;
	league: PairFixture[];
}

/** A file written by tests/reference/network.R. */
export interface NetworkFixture {
	source: string;
	reference: string;
	treatments: string[];
	arms: ArmRow[];
	k: number;
	contrasts: number;
	common: ModelFixture;
	reml: ModelFixture;
	fixed: ModelFixture;
	design_by_treatment: {
		designs: number;
		q_inconsistency: number;
		q_inconsistency_df: number;
		q_between: number;
		q_between_df: number;
		random_at_fixed_tau2: { tau2: number; q: number; df: number; p: number };
	};
}

export function networkFixture<T = NetworkFixture>(name: string): T {
	return JSON.parse(readFileSync(`tests/fixtures/network/${name}.json`, 'utf8')) as T;
}

/** Studies (MD contrasts) from arm rows, in order of first appearance; `rotate` moves each study's first arm last. */
export function studiesFromArms(arms: readonly ArmRow[], rotate = 0): StudyContrasts[] {
	const ids = [...new Set(arms.map((a) => a.study))];
	return ids.map((id) => {
		const rows = arms.filter((a) => a.study === id);
		const r = rotate % rows.length;
		return contrastsMD({ id, arms: [...rows.slice(r), ...rows.slice(0, r)] });
	});
}
