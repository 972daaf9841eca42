import { describe, expect, it } from 'vitest';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { hedge, plainSentence, questionsToAsk, sizeWord } from '$lib/evidence/plain';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import { trial } from './factory';

const VIEW = { mids: { MD: 15, SMD: 0.5, RR: 1.25, OR: 1.25, RD: 0.05 } };

describe('plain language for patients', () => {
	it('hedges by certainty as GRADE recommends', () => {
		expect(hedge('high', 'lowers')).toBe('lowers');
		expect(hedge('moderate', 'lowers')).toBe('probably lowers');
		expect(hedge('low', 'lowers')).toBe('may lower');
		expect(hedge('very low', 'lowers')).toBe('might lower (we are very unsure)');
	});

	it("names the size of a standardised difference with Cohen's cut-offs", () => {
		expect([0.1, -0.3, 0.6, 1.2].map(sizeWord)).toEqual([
			'very little',
			'a little',
			'a moderate amount',
			'a lot'
		]);
	});

	// 20 +/- qnorm(0.975) * sqrt(2 * (400 / 300 + 400 / 300) / 4) = 17.74 to 22.26: rounded to 18 and 22.
	it('states a pooled difference in whole points with its likely range', () => {
		const rows = [
			...trial('a', 'acupuncture', 'no_treatment', -30, -10, { n: 300 }),
			...trial('b', 'acupuncture', 'no_treatment', -30, -10, { n: 300 })
		];
		const results = evaluateClaims(
			bundledClaims.claims,
			buildAnalyses({ trials: rows, contrasts: [] }, DEFAULT_SETTINGS),
			VIEW
		);
		const r = results.find((x) => x.claim.id === 'relieves-chronic')!;
		expect(plainSentence(r)).toMatch(
			/^Compared with no extra treatment, real acupuncture (probably |may )?lowers? pain by about 20 points on a 0 to 100 scale \(the true difference is likely between 18 and 22 points\)\.$/
		);
		const qs = questionsToAsk(results);
		expect(qs.some((q) => q.includes('How many sessions'))).toBe(true);
		expect(qs.some((q) => q.includes('only a little better than sham'))).toBe(false);
	});
});
