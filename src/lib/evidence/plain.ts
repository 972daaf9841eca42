import type { Arm } from '$lib/data/schema';
import type { Certainty } from './certainty';
import type { ClaimResult } from './claim-context';
import { plainTimeCourse } from './time-course-plain';
import type { Analysis } from './types';

/** Plain names of the arms for patients (terms that need it are explained where they are shown). */
const PLAIN_ARM: Record<Arm, string> = {
	acupuncture: 'real acupuncture',
	sham: 'sham acupuncture',
	no_treatment: 'no extra treatment',
	usual_care: 'usual care',
	active_drug: 'a painkilling drug'
};

/** GRADE-style hedges (Santesso et al. 2020): high says it plainly, moderate "probably", low "may". */
export function hedge(level: Certainty | null, verb: string): string {
	if (level === 'moderate') return `probably ${verb}`;
	if (level === 'low') return `may ${verb.replace(/s$/, '')}`;
	if (level === 'very low') return `might ${verb.replace(/s$/, '')} (we are very unsure)`;
	return verb;
}

/** Words for the size of a standardised difference (Cohen's conventions). */
export function sizeWord(g: number): string {
	const a = Math.abs(g);
	if (a < 0.2) return 'very little';
	if (a < 0.5) return 'a little';
	if (a < 0.8) return 'a moderate amount';
	return 'a lot';
}

const r0 = (x: number) => Math.round(Math.abs(x)).toString();

/** One plain sentence about one analysis, with the numbers a patient can use. */
export function plainEffect(a: Analysis, level: Certainty | null): string {
	const r = a.result;
	const t = PLAIN_ARM[a.treatment];
	const c = PLAIN_ARM[a.control];
	if (!r) return `No trial compared ${t} with ${c}.`;
	const better = r.estimate < 0;
	if (a.measure === 'MD') {
		const lo = Math.min(Math.abs(r.ci.lower), Math.abs(r.ci.upper));
		const hi = Math.max(Math.abs(r.ci.lower), Math.abs(r.ci.upper));
		const crosses = r.ci.lower < 0 && r.ci.upper > 0;
		const range = crosses
			? `the true difference could be anywhere from ${r0(r.ci.lower)} points less to ${r0(r.ci.upper)} points more`
			: `the true difference is likely between ${r0(lo)} and ${r0(hi)} points`;
		return `Compared with ${c}, ${t} ${hedge(level, better ? 'lowers' : 'raises')} pain by about ${r0(r.estimate)} points on a 0 to 100 scale (${range}).`;
	}
	if (a.measure === 'SMD') {
		const what = a.outcome === 'pain' ? 'pain' : 'back-related problems with daily activities';
		return `Compared with ${c}, ${t} ${hedge(level, better ? 'reduces' : 'increases')} ${what} by ${sizeWord(r.estimate)}.`;
	}
	const ratio = Math.exp(r.estimate);
	const what = a.outcome === 'adverse_events' ? 'side effects' : 'a clear improvement';
	return `With ${t}, ${what} ${hedge(level, 'happens')} about ${ratio.toFixed(1)} times as often as with ${c}.`;
}

/** The claim's finding in plain words (GRADE-style hedged), for the patient view. */
export function plainSentence(res: ClaimResult): string {
	const level = res.certainty?.level ?? null;
	const [a, b] = res.analyses;
	switch (res.claim.kind) {
		case 'mechanism':
		case 'advice':
			return res.claim.reason ?? '';
		case 'placebo_share':
			if (!a || !b || !Number.isFinite(res.extra.share))
				return 'No trial compared real acupuncture, sham acupuncture and no treatment side by side.';
			return `In trials that had all three groups, sham acupuncture gave about ${Math.round(100 * res.extra.share!)} out of every 100 points of the pain relief that real acupuncture gave, compared with no extra treatment. Part of that may come from expecting to feel better, from the attention of the practitioner, or from the sham needles themselves.`;
		case 'time_course':
			return plainTimeCourse(res.timeCourse);
		case 'safety':
			if (!a) return 'No trial counted side effects.';
			return `${plainEffect(a, level)} Serious harms from acupuncture are rare, and trials of this size are too small to show how rare.`;
		case 'subgroup':
			return res.verdict === 'supported'
				? 'The type of sham made a difference to how real acupuncture compared with it.'
				: 'The trials cannot yet tell whether the type of sham (needles that go into the skin or ones that only touch it) changes the result.';
		case 'both_superior':
			return res.analyses.map((x) => plainEffect(x, level)).join(' ');
		default:
			return a ? plainEffect(a, level) : 'No trial has tested this yet.';
	}
}

/** Questions a patient could ask, chosen from what the evidence shows (not a fixed list). */
export function questionsToAsk(results: ClaimResult[]): string[] {
	const by = (id: string) => results.find((r) => r.claim.id === id);
	const q: string[] = [];
	const vsSham = by('sham-as-good');
	if (vsSham && ['supported', 'partly supported'].includes(vsSham.verdict))
		q.push(
			'In trials, real acupuncture worked only a little better than sham acupuncture. What do you expect it to add for me, compared with other options?'
		);
	const vsNone = by('relieves-chronic');
	if (vsNone && ['supported', 'partly supported'].includes(vsNone.verdict))
		q.push(
			'People in trials who had acupuncture had less pain than people who had no extra treatment. How many sessions would I need, and what would they cost?'
		);
	if (by('six-to-eight-weeks'))
		q.push(
			'How will we check, after 6 to 8 weeks, whether it is helping me, and what would we try next if it is not?'
		);
	const safe = by('safe');
	if (safe) q.push('What side effects should I watch for, and is the practitioner trained and licensed?');
	const acute = by('acute');
	if (acute && acute.verdict !== 'supported')
		q.push(
			'My back pain started recently: the evidence for acupuncture in new back pain is weaker. What else could help while it settles?'
		);
	q.push(
		'Which other treatments, such as exercise or staying active, have good evidence for someone like me?'
	);
	return q;
}

export { PLAIN_ARM };
