/** The analysis settings in words, for the title slide and the handout. */
import type { Controls } from '$lib/state/url-params';

const WINDOW = {
	immediate: 'within a week of a session',
	short: 'up to 3 months after the start of treatment',
	intermediate: '3 to 12 months after the start',
	long: '12 months or more after the start'
} as const;

const METHOD = {
	REML: 'random-effects meta-analysis (REML)',
	DL: 'random-effects meta-analysis (DerSimonian-Laird)',
	PM: 'random-effects meta-analysis (Paule-Mandel)',
	FE: 'common-effect meta-analysis'
} as const;

/** "Results for pain in chronic back pain, up to 3 months ...; random-effects meta-analysis (REML) ...". */
export function settingsText(c: Controls): string {
	const outcome = c.outcome === 'pain' ? 'pain' : 'back function';
	const mid =
		c.outcome === 'function' || c.painMeasure === 'SMD'
			? `${c.midSMD} standard deviations`
			: `${c.midMD} points out of 100`;
	const parts = [
		`Results for ${outcome} in ${c.population} back pain, ${WINDOW[c.window]}`,
		`${METHOD[c.method]}${c.test !== 'z' ? ' with Hartung-Knapp intervals' : ''}`,
		`smallest important difference ${mid}`
	];
	if (c.excludeHighRob) parts.push('trials at high risk of bias left out');
	if (c.excluded.length) parts.push(`${c.excluded.length} trial(s) left out by hand`);
	if (c.usualCareAsNone) parts.push('usual care counted as no treatment');
	return `${parts.join('; ')}.`;
}
