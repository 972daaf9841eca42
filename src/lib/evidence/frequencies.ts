import type { Arm } from '$lib/data/schema';
import { zCrit } from '$lib/stats';
import type { Analysis, AnalysisPopulation, AnalysisWindow } from './types';

export interface FrequencyArm {
	arm: Arm;
	/** Expected share (0-1) of people with the event, and its 95% interval. */
	rate: number;
	lower: number;
	upper: number;
}

export interface Frequencies {
	outcome: 'responder' | 'adverse_events';
	window: AnalysisWindow;
	control: Arm;
	arms: FrequencyArm[];
	/** How the numbers were obtained, in words. */
	method: string;
}

/**
 * "Out of 100 people": the control group's risk (events / n summed over the control arms of the trials) and,
 * for each treatment compared with that control, control risk x pooled risk ratio with its CI, as GRADE
 * summary-of-findings tables do (Guyatt et al. 2013, J Clin Epidemiol 66:158-172). Responder data only: no
 * conversion from continuous outcomes is attempted.
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
			const acu = pick('acupuncture');
			if (!acu) continue;
			const armsData = acu.studies.filter((s) => !s.excluded && s.from === 'arms');
			const events = armsData.reduce((t, s) => t + (s.inputs.ci ?? 0), 0);
			const n = armsData.reduce((t, s) => t + (s.inputs.n2i ?? 0), 0);
			if (n === 0) continue;
			const base = events / n;
			const arms: FrequencyArm[] = [{ arm: control, rate: base, ...wilson(events, n) }];
			for (const t of ['sham', 'acupuncture'] as const) {
				const a = t === 'acupuncture' ? acu : control === 'sham' ? undefined : pick(t);
				const r = a?.result;
				if (!r) continue;
				const clamp = (x: number) => Math.min(1, x);
				arms.push({
					arm: t,
					rate: clamp(base * Math.exp(r.estimate)),
					lower: clamp(base * Math.exp(r.ci.lower)),
					upper: clamp(base * Math.exp(r.ci.upper))
				});
			}
			return {
				outcome,
				window,
				control,
				arms,
				method: `Based on ${armsData.length} trial${armsData.length === 1 ? '' : 's'}: ${events} of ${n} people with ${control.replace('_', ' ')}; the other groups are worked out from how much more or less often it happened with each treatment. The lighter icons show how far the number could be off.`
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
