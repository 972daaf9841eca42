import type { Arm } from '$lib/data/schema';
import { zCrit } from '$lib/stats/interval';
import type { Analysis, AnalysisPopulation, AnalysisWindow } from './types';

export interface FrequencyArm {
	arm: Arm;
	/** Observed share (0-1) of people with the event, and its 95% Wilson interval. */
	rate: number;
	lower: number;
	upper: number;
	/** The trials (study ids) this group's count comes from: the same for every group of one picture. */
	trials: string[];
}

export interface Frequencies {
	outcome: 'responder' | 'adverse_events';
	window: AnalysisWindow;
	control: Arm;
	arms: FrequencyArm[];
	/** How the numbers were obtained, in words. */
	method: string;
}

type Count = { events: number; n: number };

/** Arm-level counts of the studies used in an analysis, by study id: treatment (ai/n1i) and control (ci/n2i). */
function countsOf(a: Analysis | undefined): Map<string, { t: Count; c: Count; name: string }> {
	const out = new Map<string, { t: Count; c: Count; name: string }>();
	for (const s of a?.studies ?? []) {
		if (s.excluded || s.from !== 'arms') continue;
		const { ai, n1i, ci, n2i } = s.inputs;
		if (ai === undefined || n1i === undefined || ci === undefined || n2i === undefined) continue;
		out.set(s.study_id, { t: { events: ai, n: n1i }, c: { events: ci, n: n2i }, name: s.study });
	}
	return out;
}

function arm(arm: Arm, counts: Count[], trials: string[]): FrequencyArm {
	const events = counts.reduce((t, c) => t + c.events, 0);
	const n = counts.reduce((t, c) => t + c.n, 0);
	return { arm, rate: events / n, ...wilson(events, n), trials };
}

/**
 * "Out of 100 people": the share of people with the event in each group, counted in the SAME trials for every
 * group (events / n summed over the trials that have all the groups shown), with Wilson intervals. Groups from
 * different sets of trials are never put side by side: a group measured in other trials than the others is left
 * out of the picture (and said so in `method`). Responder data only: no conversion from continuous outcomes.
 */
export function naturalFrequencies(
	all: Analysis[],
	outcome: 'responder' | 'adverse_events',
	population: AnalysisPopulation,
	windows: AnalysisWindow[]
): Frequencies | null {
	for (const window of windows) {
		for (const control of ['no_treatment', 'usual_care', 'sham'] as const) {
			const pick = (t: Arm) =>
				all.find(
					(a) =>
						a.outcome === outcome &&
						a.population === population &&
						a.window === window &&
						a.treatment === t &&
						a.control === control &&
						a.result
				);
			const acu = countsOf(pick('acupuncture'));
			if (acu.size === 0) continue;
			const sham = control === 'sham' ? new Map() : countsOf(pick('sham'));
			// Trials with all three groups (the three-arm trials); else the two-group picture on its own trials.
			const three = [...acu.keys()].filter((id) => sham.has(id));
			const ids = three.length ? three : [...acu.keys()];
			const names = ids.map((id) => acu.get(id)!.name);
			const arms: FrequencyArm[] = [
				arm(
					control,
					ids.map((id) => acu.get(id)!.c),
					ids
				),
				...(three.length
					? [
							arm(
								'sham',
								ids.map((id) => sham.get(id)!.t),
								ids
							)
						]
					: []),
				arm(
					'acupuncture',
					ids.map((id) => acu.get(id)!.t),
					ids
				)
			];
			const leftOut = [...acu.keys()].length - ids.length;
			const word = (k: number) => `${k} trial${k === 1 ? '' : 's'}`;
			const shamNote =
				!three.length && sham.size
					? ' Sham acupuncture was counted in other trials, so it is not shown beside these groups.'
					: '';
			return {
				outcome,
				window,
				control,
				arms,
				method: `Every group comes from the same ${ids.length === 1 ? 'trial' : word(ids.length)} (${names.join(', ')}), counted as reported: people with the outcome out of everyone in that group.${leftOut ? ` ${word(leftOut)} without a sham group ${leftOut === 1 ? 'is' : 'are'} not in this picture.` : ''}${shamNote} The lighter icons show how far the number could be off.`
			};
		}
	}
	return null;
}

/** Wilson score interval for a proportion (Newcombe 1998, method 3), 95%. */
export function wilson(x: number, n: number, level = 95): { lower: number; upper: number } {
	const z = zCrit(level);
	const p = x / n;
	const d = 1 + (z * z) / n;
	const centre = (p + (z * z) / (2 * n)) / d;
	const half = (z / d) * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n));
	return { lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}
