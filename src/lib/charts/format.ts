import { format } from 'd3-format';
import type { EffectMeasure } from '$lib/evidence/types';
import type { Interval } from '$lib/stats/types';

/** Ratio measures are analysed on the log scale and shown back-transformed on a log axis. */
export function isRatio(measure: EffectMeasure): boolean {
	return measure === 'RR' || measure === 'OR';
}

/** The value readers see: exp(yi) for ratio measures, yi otherwise. */
export function backTransform(measure: EffectMeasure, yi: number): number {
	return isRatio(measure) ? Math.exp(yi) : yi;
}

const DIGITS: Record<EffectMeasure, number> = { MD: 1, SMD: 2, RR: 2, OR: 2, RD: 2 };

const formats = new Map<string, (n: number) => string>();
/** d3-format's formatter for `specifier`, made once: making one parses the specifier (the summary of findings
 * formats ~100 numbers while the page hydrates). */
export function formatter(specifier: string): (n: number) => string {
	let f = formats.get(specifier);
	if (!f) formats.set(specifier, (f = format(specifier)));
	return f;
}

/**
 * An effect on the reader's scale with the measure's usual precision (d3-format, typographic minus).
 * @example formatEffect('RR', Math.log(1.5)) // '1.50'
 */
export function formatEffect(measure: EffectMeasure, yi: number): string {
	return formatter(`.${DIGITS[measure]}f`)(backTransform(measure, yi));
}

/** "[-9.1, -1.3]": an interval on the reader's scale. */
export function formatInterval(measure: EffectMeasure, iv: Interval): string {
	return `[${formatEffect(measure, iv.lower)}, ${formatEffect(measure, iv.upper)}]`;
}

/** "-5.2 [-9.1, -1.3]" in the style of metafor's forest plot annotations. */
export function formatEstimateCi(measure: EffectMeasure, yi: number, ci: Interval): string {
	return `${formatEffect(measure, yi)} ${formatInterval(measure, ci)}`;
}

/** "-5.2 (95% CI -9.1 to -1.3)" for sentences. */
export function formatEstimateSentence(measure: EffectMeasure, yi: number, ci: Interval, level = 95): string {
	return `${formatEffect(measure, yi)} (${level}% CI ${formatEffect(measure, ci.lower)} to ${formatEffect(measure, ci.upper)})`;
}

/** p-value as "p = 0.04", "p = 0.004" or "p < 0.001". */
export function formatP(p: number): string {
	if (p < 0.001) return 'p < 0.001';
	return `p = ${formatter(p < 0.01 ? '.3f' : '.2f')(p)}`;
}

/** Full measure names for labels and sentences. */
export const MEASURE_NAME: Record<EffectMeasure, string> = {
	MD: 'mean difference',
	SMD: 'standardised mean difference',
	RR: 'risk ratio',
	OR: 'odds ratio',
	RD: 'risk difference'
};

/** Number with thousands separators, e.g. 1,234. */
export const formatCount = format(',d');

/**
 * Half-width of the MID band in analysis units: the MID itself for differences, log(MID) for ratios (a ratio
 * MID of 1.25 spans 0.8 to 1.25).
 * @example midHalfWidth('RR', 1.25) // 0.2231435513142097
 */
export function midHalfWidth(measure: EffectMeasure, mid: number): number {
	return isRatio(measure) ? Math.abs(Math.log(mid)) : Math.abs(mid);
}

/** "MID ±15" or, for ratios, "MID 0.80 to 1.25". */
export function midText(measure: EffectMeasure, mid: number): string {
	if (!isRatio(measure)) return `MID ±${formatter('~g')(Math.abs(mid))}`;
	const h = midHalfWidth(measure, mid);
	return `MID ${formatter('.2f')(Math.exp(-h))} to ${formatter('.2f')(Math.exp(h))}`;
}
