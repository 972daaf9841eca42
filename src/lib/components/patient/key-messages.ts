/**
 * The patient view's key messages: one bottom line per claim in plain words, in the style of Cochrane plain-language
 * summaries ("about 3 points on a 0-100 scale: too small for most people to notice").
 */
import type { ClaimResult } from '$lib/evidence/claim-context';
import { absolutePer100 } from '../clinician/sof-rows';
import { verdictBasis } from '$lib/evidence/verdicts';
import { VERDICT_STYLE } from '../claims/verdict-style';

export interface KeyMessage {
	id: string;
	label: string;
	/** The verdict in plain words ("The trials back part of this"). */
	verdict: string;
	/** The size of the effect and what it means, or null when nothing was pooled. */
	bottomLine: string | null;
}

const PLAIN: Record<string, string> = {
	acupuncture: 'real acupuncture',
	sham: 'sham acupuncture',
	no_treatment: 'no extra treatment',
	usual_care: 'usual care',
	active_drug: 'a painkilling drug'
};

const capital = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);

/** What a difference of `points` on a 0-100 scale means against the smallest change most people notice (`mid`). */
export function noticeWords(points: number, mid: number): string {
	const a = Math.abs(points);
	if (a >= mid) return 'large enough for most people to notice';
	if (a >= mid / 2) return `noticeable for some people, less than the ${mid} points most people notice`;
	return 'too small for most people to notice';
}

/** The bottom line of one claim, or null when no trial result stands behind it. */
export function bottomLine(r: ClaimResult, mids: { MD: number; SMD: number }): string | null {
	const a = r.analyses[0];
	const res = a ? verdictBasis(a) : null;
	if (!a || !res) return null;
	const vs = `${capital(PLAIN[a.treatment]!)} compared with ${PLAIN[a.control]}`;
	const what = a.outcome === 'function' ? 'back-related problems with daily activities' : 'pain';
	if (a.measure === 'MD') {
		const k = Math.round(Math.abs(res.estimate));
		const dir = res.estimate < 0 ? 'less' : 'more';
		return `${vs}: about ${k} ${k === 1 ? 'point' : 'points'} ${dir} ${what} on a 0-100 scale: ${noticeWords(res.estimate, mids.MD)}.`;
	}
	if (a.measure === 'SMD') {
		const g = Math.abs(res.estimate);
		const size =
			g >= mids.SMD
				? 'a difference most people would notice'
				: g >= 0.2
					? 'a small difference'
					: 'a very small difference';
		return `${vs}: ${size} in ${what}.`;
	}
	const abs = absolutePer100(a);
	const w = (x: number) => `${Math.round(Math.abs(x))} ${x < 0 ? 'fewer' : 'more'}`;
	if (abs) {
		const k = Math.round(Math.abs(abs.est));
		const event =
			a.outcome === 'adverse_events' ? 'people with a harm reported' : 'people who improved clearly';
		return k === 0
			? `${vs}: about the same number of ${event} out of 100.`
			: `${vs}: about ${k} ${abs.est > 0 ? 'more' : 'fewer'} ${event} out of every 100 (it could be anywhere from ${w(abs.lo)} to ${w(abs.hi)}).`;
	}
	return null;
}

export function keyMessages(
	results: readonly ClaimResult[],
	mids: { MD: number; SMD: number }
): KeyMessage[] {
	return results
		.filter((r) => r.claim.testable)
		.map((r) => ({
			id: r.claim.id,
			label: r.claim.label,
			verdict: VERDICT_STYLE[r.verdict].plain,
			bottomLine: bottomLine(r, mids)
		}));
}

/** Verdicts that say the trials cannot answer: no certainty rating is shown beside them for patients. */
export const NO_ANSWER = new Set(['inconclusive', 'no trial data', 'not testable']);
