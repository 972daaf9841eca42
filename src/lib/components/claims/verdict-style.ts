import type { Certainty } from '$lib/evidence/certainty';
import type { Verdict } from '$lib/evidence/verdicts';

/** Each verdict's symbol and colour: the symbol and the word carry the meaning, the colour only repeats it. */
export const VERDICT_STYLE: Record<Verdict, { symbol: string; colour: string; plain: string }> = {
	supported: { symbol: '✔', colour: '#006d4e', plain: 'The trials back this up' },
	'partly supported': { symbol: '◐', colour: '#0b5f8a', plain: 'The trials back part of this' },
	'not supported': { symbol: '✘', colour: '#444444', plain: 'The trials do not back this up' },
	contradicted: { symbol: '⊘', colour: '#a63d00', plain: 'The trials show the opposite' },
	inconclusive: { symbol: '?', colour: '#7a5200', plain: 'The trials cannot tell yet' },
	'no trial data': { symbol: '∅', colour: '#555555', plain: 'No trial has tested this' },
	'not testable': { symbol: '—', colour: '#555555', plain: 'Trials cannot test this' }
};

/** GRADE-style wording of certainty (Santesso et al. 2020, J Clin Epidemiol 119:126-135). */
export const CERTAINTY_STYLE: Record<Certainty, { dots: number; plain: string; hedge: string }> = {
	high: { dots: 4, plain: 'We are confident in this result', hedge: '' },
	moderate: { dots: 3, plain: 'This is probably right', hedge: 'probably' },
	low: { dots: 2, plain: 'This may be right, but new trials could change it', hedge: 'may' },
	'very low': { dots: 1, plain: 'We are very unsure about this', hedge: 'might' }
};
