import { ARM_LABELS, COMPARATOR_LABELS, type Comparator } from '$lib/data/schema';
import type { Analysis } from './types';
import { thousands } from '$lib/data/thousands';

const OUTCOME_WORDS: Record<string, string> = {
	pain: 'pain',
	function: 'back-related disability',
	responder: 'the chance of responding',
	adverse_events: 'the chance of an adverse event'
};

/** A number with a sensible precision for its measure: 1 decimal for 0-100 points, 2 otherwise. */
export function num(x: number, measure: string, signed = false): string {
	const d = measure === 'MD' ? 1 : 2;
	return (signed ? x : Math.abs(x)).toFixed(d);
}

/** "5.1 lower" / "3.7 higher" for a signed difference. */
function lowerHigher(x: number, measure: string): string {
	return `${num(x, measure)} ${x <= 0 ? 'lower' : 'higher'}`;
}

/** A signed interval in words: "26.6 to 14.1 lower", "13.9 lower to 3.7 higher". */
function intervalWords(lo: number, hi: number, measure: string): string {
	if (hi <= 0) return `${num(lo, measure)} to ${num(hi, measure)} lower`;
	if (lo > 0) return `${num(lo, measure)} to ${num(hi, measure)} higher`;
	return `${lowerHigher(lo, measure)} to ${lowerHigher(hi, measure)}`;
}

/**
 * The control named truthfully, with what it really was in the trials used: "usual care (routine care in 2 trials,
 * guideline-based therapy in 1)", "no treatment (a waiting list)", "an active drug (a drug)".
 */
export function controlName(a: Analysis): string {
	if (a.summary) return a.summary.controlName;
	const base = ARM_LABELS[a.control];
	const used = a.studies.filter((s) => !s.excluded && !s.leftOut);
	const counts = new Map<Comparator, number>();
	for (const s of used) if (s.comparator) counts.set(s.comparator, (counts.get(s.comparator) ?? 0) + 1);
	counts.delete('drug'); // "an active drug (a drug)" says nothing more
	if (counts.size === 0) return base;
	if (counts.size === 1) return `${base} (${COMPARATOR_LABELS[[...counts.keys()][0]!]})`;
	const parts = [...counts].map(([c, k]) => `${COMPARATOR_LABELS[c]} in ${k} trial${k === 1 ? '' : 's'}`);
	return `${base} (${parts.join(', ')})`;
}

export function participants(a: Analysis): number {
	if (a.summary) return a.summary.participants;
	return a.studies.filter((s) => !s.excluded).reduce((t, s) => t + (s.n1 ?? 0) + (s.n2 ?? 0), 0);
}

/** Risk in the control arms of the studies used: events / participants summed (arm-level binary inputs). */
export function controlRisk(a: Analysis): number | null {
	if (a.summary) return a.summary.controlRisk;
	let events = 0;
	let n = 0;
	for (const s of a.studies) {
		if (s.excluded || s.leftOut) continue;
		const c = s.inputs.ci;
		const n2 = s.inputs.n2i;
		if (c === undefined || n2 === undefined) continue;
		events += c;
		n += n2;
	}
	return n > 0 ? events / n : null;
}

function studyCount(a: Analysis): string {
	const k = a.result?.k ?? 0;
	const n = participants(a);
	return `${k} trial${k === 1 ? '' : 's'}${n ? `, ${thousands(n)} people` : ''}`;
}

/**
 * One clause with the pooled numbers of an analysis, e.g.
 * "with real acupuncture, pain was 21.7 points lower on a 0-100 scale than with no treatment (95% CI 30.0 lower to
 * 13.9 lower; 1 trial, 226 people)".
 */
export function describeEffect(a: Analysis): string {
	const r = a.verdictResult ?? a.result;
	const t = ARM_LABELS[a.treatment];
	const c = controlName(a);
	if (!r) return `no trial compared ${t} with ${c}`;
	const level = `${r.level}% CI${r.test === 'adhoc' ? ' (Hartung-Knapp, ad hoc corrected)' : r.test === 'knha' ? ' (Hartung-Knapp)' : ''}`;
	if (a.measure === 'MD' || a.measure === 'SMD') {
		const unit = a.measure === 'MD' ? 'points' : 'standard deviations';
		const dir = r.estimate <= 0 ? 'lower' : 'higher';
		const scale = a.measure === 'MD' ? ' on a 0-100 scale' : '';
		return `with ${t}, ${OUTCOME_WORDS[a.outcome]} was ${num(r.estimate, a.measure)} ${unit} ${dir}${scale} than with ${c} (${level} ${intervalWords(r.ci.lower, r.ci.upper, a.measure)}; ${studyCount(a)})`;
	}
	const ratio = (x: number) => Math.exp(x).toFixed(2);
	return `with ${t}, ${OUTCOME_WORDS[a.outcome]} was ${ratio(r.estimate)} times that with ${c} (risk ratio, ${level} ${ratio(r.ci.lower)} to ${ratio(r.ci.upper)}; ${studyCount(a)})`;
}

export function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
