import { describe, expect, it } from 'vitest';
import {
	bothVerdict,
	equivalenceVerdict,
	safetyVerdict,
	smallestMargin,
	superiorityVerdict
} from '$lib/evidence/verdicts';

const o = (est: number, lower: number, upper: number) => ({ est, lower, upper });
const MID = 15;

describe('superiorityVerdict (positive = treatment better, MID 15)', () => {
	it.each([
		['supported: clear and important', o(20, 10, 30), 'supported'],
		['partly supported: clear but below the MID', o(5, 1, 9), 'partly supported'],
		['contradicted: clearly worse', o(-8, -12, -2), 'contradicted'],
		['not supported: CI within +/- MID around 0', o(1, -10, 12), 'not supported'],
		['inconclusive: CI includes 0 and an important effect', o(6, -4, 20), 'inconclusive'],
		['supported at the MID exactly', o(15, 2, 28), 'supported']
	] as const)('%s', (_, x, v) => {
		expect(superiorityVerdict(x, MID)).toBe(v);
	});
	it('says "no trial data" without a pooled result', () => {
		expect(superiorityVerdict(null, MID)).toBe('no trial data');
	});
});

describe('equivalenceVerdict (two one-sided tests: 90% CI inside +/- margin 10)', () => {
	const M = 10;
	// [name, 95% CI, 90% CI, verdict]
	it.each([
		['supported: 90% CI inside, 95% CI includes 0', o(1, -4, 6), o(1, -3, 5), 'supported'],
		[
			'partly supported: equivalent within the margin but clearly better (both are said)',
			o(2.6, 0.1, 5.2),
			o(2.6, 0.5, 4.8),
			'partly supported'
		],
		['contradicted: 95% CI wholly beyond the margin', o(25, 16, 34), o(25, 17, 33), 'contradicted'],
		['contradicted on the other side', o(-25, -34, -10), o(-25, -33, -12), 'contradicted'],
		[
			'not supported: clear difference whose 90% CI reaches past the margin',
			o(8, 2, 14),
			o(8, 3, 13),
			'not supported'
		],
		[
			'inconclusive: 95% CI includes 0 and reaches past the margin',
			o(3, -20, 26),
			o(3, -16, 22),
			'inconclusive'
		]
	] as const)('%s', (_, x95, x90, v) => {
		expect(equivalenceVerdict(x95, x90, M)).toBe(v);
	});
	it('does not read "no significant difference" as equivalence', () => {
		expect(equivalenceVerdict(o(0, -30, 30), o(0, -25, 25), M)).toBe('inconclusive');
	});
	it('needs the 90% CI strictly inside the margin: the boundary is exact', () => {
		const x90 = o(0, -4.8, 4.8);
		expect(equivalenceVerdict(o(0, -5.7, 5.7), x90, smallestMargin(x90))).toBe('inconclusive');
		expect(equivalenceVerdict(o(0, -5.7, 5.7), x90, smallestMargin(x90) + 1e-9)).toBe('supported');
		expect(smallestMargin(o(-2, -4.8, 0.5))).toBe(4.8);
	});
	it('uses the 90% CI, not the 95% CI, for equivalence', () => {
		// 95% CI reaches the margin, 90% CI does not: equivalent by TOST.
		expect(equivalenceVerdict(o(0, -10.5, 10.5), o(0, -8.8, 8.8), M)).toBe('supported');
	});
});

describe('safetyVerdict (log RR, positive = more harm)', () => {
	const harm = Math.log(1.25);
	it('supports safety when the CI rules out an important excess', () => {
		expect(safetyVerdict(o(0, -0.1, 0.1), harm)).toBe('supported');
	});
	it('partly supports it when adverse events are clearly more common', () => {
		expect(safetyVerdict(o(0.5, 0.2, 0.8), harm)).toBe('partly supported');
	});
	it('is inconclusive when the CI allows an important excess', () => {
		expect(safetyVerdict(o(0, -1, 1), harm)).toBe('inconclusive');
	});
	it('says "no trial data" without events data', () => {
		expect(safetyVerdict(null, harm)).toBe('no trial data');
	});
});

describe('bothVerdict', () => {
	it.each([
		['supported', 'supported', 'supported'],
		['supported', 'partly supported', 'partly supported'],
		['supported', 'inconclusive', 'partly supported'],
		['supported', 'no trial data', 'partly supported'],
		['not supported', 'not supported', 'not supported'],
		['contradicted', 'inconclusive', 'contradicted'],
		['no trial data', 'inconclusive', 'inconclusive'],
		['no trial data', 'no trial data', 'no trial data'],
		['not supported', 'inconclusive', 'inconclusive']
	] as const)('%s + %s = %s', (a, b, v) => {
		expect(bothVerdict(a, b)).toBe(v);
		expect(bothVerdict(b, a)).toBe(v);
	});
});
