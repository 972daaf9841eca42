import { format } from 'd3-format';
import { describe, expect, it } from 'vitest';
import {
	formatEffect,
	formatEstimateCi,
	formatEstimateSentence,
	formatP,
	formatter,
	midHalfWidth,
	midText
} from '../../../src/lib/charts/format';
import { studyInterval, zCrit } from '../../../src/lib/stats/interval';

describe('format', () => {
	it('writes effects with the measure precision and back-transforms ratios', () => {
		expect(formatEffect('MD', -5.25)).toBe('−5.3'); // -5.25 is exact in binary; toFixed rounds it away from zero
		expect(formatEffect('SMD', 0.456)).toBe('0.46');
		expect(formatEffect('RR', Math.log(1.5))).toBe('1.50');
	});
	it('writes an estimate with its interval as text and as a sentence', () => {
		const ci = { lower: -9.14, upper: -1.26 };
		expect(formatEstimateCi('MD', -5.2, ci)).toBe('−5.2 [−9.1, −1.3]');
		expect(formatEstimateSentence('MD', -5.2, ci, 90)).toBe('−5.2 (90% CI −9.1 to −1.3)');
	});
	it('writes p-values with two or three decimals, or below 0.001', () => {
		expect(formatP(0.1234)).toBe('p = 0.12');
		expect(formatP(0.0042)).toBe('p = 0.004');
		expect(formatP(0.0004)).toBe('p < 0.001');
	});
	it('turns a MID into a band half-width: the value for differences, log for ratios', () => {
		expect(midHalfWidth('MD', 15)).toBe(15);
		expect(midHalfWidth('RR', 1.25)).toBe(Math.log(1.25));
		expect(midHalfWidth('RR', 0.8)).toBe(-Math.log(0.8));
		expect(midText('MD', 15)).toBe('MID ±15');
		expect(midText('RR', 1.25)).toBe('MID 0.80 to 1.25');
	});
});

describe('formatter', () => {
	it('makes each d3-format formatter once and formats as d3-format does', () => {
		expect(formatter('.2f')).toBe(formatter('.2f'));
		expect(formatter('.2f')).not.toBe(formatter('.1f'));
		expect(formatter('.2f')(-1.005)).toBe(format('.2f')(-1.005));
		expect(formatter(',.1f')(12345.67)).toBe('12,345.7');
	});
});

describe('interval', () => {
	it('uses the exact normal quantile', () => {
		expect(zCrit(95)).toBeCloseTo(1.959963984540054, 14); // R: qnorm(0.975)
		expect(zCrit(90)).toBeCloseTo(1.644853626951472, 14); // R: qnorm(0.95)
		expect(zCrit(99)).toBeCloseTo(2.575829303548901, 14); // R: qnorm(0.995)
	});
	it('gives the Wald interval yi -/+ z sqrt(vi)', () => {
		const iv = studyInterval(-10, 4, 95);
		expect(iv.lower).toBeCloseTo(-10 - 2 * 1.959963984540054, 12);
		expect(iv.upper).toBeCloseTo(-10 + 2 * 1.959963984540054, 12);
	});
});
