import { describe, expect, it } from 'vitest';
import { bothVerdict, equivalenceVerdict, safetyVerdict, superiorityVerdict } from '$lib/evidence/verdicts';

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

describe('equivalenceVerdict ("performs as well as", margin +/- MID)', () => {
	it.each([
		['supported: CI inside +/- 15', o(5.1, -3.7, 13.9), 'supported'],
		['supported even when the CI excludes 0, if inside the margin', o(5, 1, 9), 'supported'],
		['contradicted: CI wholly beyond the margin', o(25, 16, 34), 'contradicted'],
		['contradicted on the other side', o(-25, -34, -15), 'contradicted'],
		['partly supported: clear difference, estimate below the MID', o(10, 2, 18), 'partly supported'],
		['not supported: clear difference of important size', o(16, 8, 24), 'not supported'],
		['inconclusive: CI includes 0 and reaches past the margin', o(3, -20, 26), 'inconclusive']
	] as const)('%s', (_, x, v) => {
		expect(equivalenceVerdict(x, MID)).toBe(v);
	});
	it('does not read "no significant difference" as equivalence', () => {
		expect(equivalenceVerdict(o(0, -30, 30), MID)).toBe('inconclusive');
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
