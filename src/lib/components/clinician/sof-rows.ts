/**
 * Rows of the summary-of-findings table (GRADE / MAGICapp style): one per claim, with the verdict, the effect and
 * its CI, the absolute effect per 100 people for ratio measures, trials and participants, the certainty and the
 * reasons behind it as numbered footnotes.
 */
import { ARM_LABELS } from '$lib/data/schema';
import type { ClaimResult } from '$lib/evidence/claim-context';
import { controlRisk, participants } from '$lib/evidence/describe';
import type { Analysis } from '$lib/evidence/types';
import { verdictBasis } from '$lib/evidence/verdicts';
import { formatEffect, isRatio } from '$lib/charts/format';
import { thousands } from '$lib/data/thousands';
import type { Certainty } from '$lib/evidence/certainty';
import { CERTAINTY_STYLE } from '../claims/verdict-style';

export interface SofRow {
	id: string;
	label: string;
	verdict: ClaimResult['verdict'];
	certainty: string | null;
	/** What the deciding analysis compares, e.g. "real acupuncture vs sham acupuncture". */
	compares: string | null;
	/** "−8.5 points of 100 (−11.0 to −6.0)", "RR 1.35 (1.10 to 1.65)" or null when nothing was pooled. */
	effect: string | null;
	/** "12 more per 100 (4 to 21 more)" for ratio measures with arm-level counts; null otherwise. */
	absolute: string | null;
	trials: number | null;
	people: number | null;
	/** Footnote numbers (into `SofTable.notes`) of the certainty reasons. */
	notes: number[];
	/** Studies the user left out of this claim's analyses (names). */
	excluded: string[];
	/** Why nothing is shown when the claim is not testable or has no data. */
	why: string | null;
}

/**
 * What each cell of a row shows, as plain text ("—" when there is nothing), so the table renders without a
 * conditional block per cell (hydration cost; docs/ARCHITECTURE.md section 7).
 */
export interface SofCells {
	/** The effect without its interval, and the interval ("95% CI ...") or "". */
	effect: string;
	ci: string;
	absolute: string;
	/** "2 (266)", "1" or "—". */
	trials: string;
	/** Filled and empty certainty dots ("●●○○") or "". */
	dots: string;
	certainty: string;
}

export function sofCells(row: SofRow): SofCells {
	const cut = row.effect ? row.effect.indexOf(' (') : -1;
	const n = row.certainty ? (CERTAINTY_STYLE[row.certainty as Certainty]?.dots ?? 0) : 0;
	return {
		effect: row.effect === null ? '—' : cut > 0 ? row.effect.slice(0, cut) : row.effect,
		ci: row.effect !== null && cut > 0 ? row.effect.slice(cut + 1) : '',
		absolute: row.absolute ?? '—',
		trials: row.trials === null ? '—' : `${row.trials}${row.people ? ` (${thousands(row.people)})` : ''}`,
		dots: row.certainty ? '●'.repeat(n) + '○'.repeat(4 - n) : '',
		certainty: row.certainty ?? '—'
	};
}

export interface SofTable {
	rows: SofRow[];
	notes: { n: number; domain: string; text: string }[];
}

const MINUS = '\u2212';
const signed = (s: string) => s.replace(/^-/, MINUS);

/**
 * Absolute effect per 100 people from a pooled risk ratio and the control risk p0 (GRADE Handbook 5.2.2):
 * 100 · p0 · (RR − 1), with the CI from the RR's CI. Null when no control risk is known or the measure is no RR.
 */
export function absolutePer100(a: Analysis): { est: number; lo: number; hi: number } | null {
	const r = verdictBasis(a);
	if (!r || a.measure !== 'RR') return null;
	const p0 = controlRisk(a);
	if (p0 === null) return null;
	const f = (y: number) => 100 * p0 * (Math.exp(y) - 1);
	return { est: f(r.estimate), lo: f(r.ci.lower), hi: f(r.ci.upper) };
}

function moreFewer(x: number): string {
	const k = Math.round(Math.abs(x));
	return k === 0 ? 'no difference' : `${k} ${x > 0 ? 'more' : 'fewer'}`;
}

export function absoluteText(a: Analysis): string | null {
	const abs = absolutePer100(a);
	if (!abs) return null;
	return `${moreFewer(abs.est)} per 100 (${moreFewer(abs.lo)} to ${moreFewer(abs.hi)})`;
}

/** The pooled effect with its CI on the reader's scale. */
export function effectText(a: Analysis): string | null {
	const r = verdictBasis(a);
	if (!r) return null;
	const e = (y: number) => signed(formatEffect(a.measure, y));
	const ci = `${r.level}% CI ${e(r.ci.lower)} to ${e(r.ci.upper)}`;
	if (a.measure === 'MD') return `${e(r.estimate)} points of 100 (${ci})`;
	if (a.measure === 'SMD') return `SMD ${e(r.estimate)} (${ci})`;
	if (isRatio(a.measure)) return `${a.measure} ${e(r.estimate)} (${ci})`;
	return `${a.measure} ${e(r.estimate)} (${ci})`;
}

/**
 * Claims whose verdict reads a derived number rather than the first analysis's pooled effect: the pain left after
 * a course (residual) and the share of the effect that sham also gives (placebo share), with their intervals.
 */
function derivedEffect(res: ClaimResult): { compares: string; effect: string; trials: number | null } | null {
	const x = res.extra;
	const f1 = (v: number) => v.toFixed(1);
	const pc = (v: number) => `${Math.round(100 * v)}%`;
	if (x.residual !== undefined)
		return {
			compares: 'pain left after a course of real acupuncture',
			effect: `${f1(x.residual)} of 100 (95% CI ${f1(x.residual_ci_lower!)} to ${f1(x.residual_ci_upper!)})`,
			trials: x.residual_k ?? null
		};
	if (x.share !== undefined)
		return {
			compares: 'share of the benefit that sham also gives',
			effect: `${pc(x.share)}${Number.isFinite(x.share_ci_lower!) && Number.isFinite(x.share_ci_upper!) ? ` (95% CI ${pc(x.share_ci_lower!)} to ${pc(x.share_ci_upper!)})` : ''}`,
			trials: x.share_k ?? null
		};
	return null;
}

/** The rows and the numbered footnotes of the certainty reasons (one note per distinct reason). */
export function sofTable(results: ClaimResult[], userExcluded: readonly string[]): SofTable {
	const notes: SofTable['notes'] = [];
	const noteOf = (domain: string, text: string): number => {
		const found = notes.find((x) => x.domain === domain && x.text === text);
		if (found) return found.n;
		notes.push({ n: notes.length + 1, domain, text });
		return notes.length;
	};
	const rows = results.map((res): SofRow => {
		const a = res.analyses[0] ?? null;
		const r = a ? verdictBasis(a) : null;
		const excluded = new Set<string>();
		for (const an of res.analyses)
			for (const s of an.studies) if (s.excluded && userExcluded.includes(s.study_id)) excluded.add(s.study);
		const concerns = (res.certainty?.rules ?? []).filter((x) => x.levels > 0 || x.assessable === false);
		const derived = derivedEffect(res);
		return {
			id: res.claim.id,
			label: res.claim.label,
			verdict: res.verdict,
			certainty: res.certainty?.level ?? null,
			compares: derived?.compares ?? (a ? `${ARM_LABELS[a.treatment]} vs ${ARM_LABELS[a.control]}` : null),
			effect: derived?.effect ?? (a ? effectText(a) : null),
			absolute: derived ? null : a ? absoluteText(a) : null,
			trials: derived ? derived.trials : r ? r.k : null,
			people: derived ? null : a && r ? participants(a) || null : null,
			notes: concerns.map((x) =>
				noteOf(x.domain, `${x.assessable === false ? 'not assessable' : `−${x.levels}`}: ${x.reason}`)
			),
			excluded: [...excluded],
			why: a ? null : res.sentence
		};
	});
	return { rows, notes };
}
