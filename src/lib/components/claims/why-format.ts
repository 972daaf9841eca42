import { qnorm } from '$lib/stats';
import type { EffectMeasure } from '$lib/evidence/types';
import type { RmaResult } from '$lib/stats/types';

const RATIO = new Set<EffectMeasure>(['RR', 'OR']);

/** An effect on the reader's scale: ratios back-transformed, 0-100 points to 1 decimal, SMD to 2. */
export function fmt(x: number, measure: EffectMeasure): string {
	if (RATIO.has(measure)) return Math.exp(x).toFixed(2);
	return x.toFixed(measure === 'MD' ? 1 : 2);
}

/** One study's effect and its Wald CI on the reader's scale. */
export function studyCi(yi: number, vi: number, measure: EffectMeasure, level: number): string {
	const h = qnorm(0.5 + level / 200) * Math.sqrt(vi);
	return `${fmt(yi, measure)} (${fmt(yi - h, measure)} to ${fmt(yi + h, measure)})`;
}

export function estimatorLabel(r: RmaResult): string {
	const names = {
		REML: 'random effects (REML)',
		DL: 'random effects (DerSimonian-Laird)',
		PM: 'random effects (Paule-Mandel)',
		FE: 'common effect (inverse variance)'
	};
	return `${names[r.method]}, ${r.test === 'knha' ? 'Hartung-Knapp t' : 'Wald z'} intervals`;
}
