import { describe, expect, it } from 'vitest';
import { effectScale, ratioTicks } from '../../../src/lib/charts/effect-scale';

describe('effectScale (linear)', () => {
	it('widens the domain with d3 nice(5) and maps it onto the range', () => {
		// [-12, 3]: step 2 gives [-12, 4], then step 5 gives [-15, 5] (d3-array tickIncrement)
		const s = effectScale('MD', [-12, 3], [0, 300]);
		expect(s.domain).toEqual([-15, 5]);
		expect(s.at(0)).toBe(225);
		expect(s.at(-15)).toBe(0);
		expect(s.ticks.map((t) => t.value)).toEqual([-15, -10, -5, 0, 5]);
		expect(s.ticks[0]!.label).toBe('−15');
	});
	it('keeps a fixed domain as given', () => {
		const s = effectScale('SMD', [-3, 3], [100, 200], 5, [-1, 1]);
		expect(s.domain).toEqual([-1, 1]);
		expect(s.at(0.5)).toBe(175);
	});
	it('maps a vertical (inverted) range', () => {
		const s = effectScale('MD', [0, 10], [200, 0]);
		expect(s.at(10)).toBe(0);
		expect(s.at(0)).toBe(200);
	});
	it('survives a degenerate or empty set of values', () => {
		expect(effectScale('MD', [2, 2], [0, 100]).domain).toEqual([1, 3]);
		expect(effectScale('MD', [], [0, 100]).domain).toEqual([-1, 1]);
	});
});

describe('ratioTicks and log axes', () => {
	it('widens a ratio domain to 1-2-5 steps symmetric on the log scale', () => {
		const r = ratioTicks([Math.log(0.6), Math.log(1.7)]);
		expect(r.domain).toEqual([Math.log(0.5), Math.log(2)]);
		expect(r.ticks).toEqual([0.5, 1, 2]);
	});
	it('keeps only powers of ten when more steps would crowd the axis', () => {
		const r = ratioTicks([Math.log(0.03), Math.log(30)], 5);
		expect(r.domain).toEqual([Math.log(0.02), Math.log(50)]);
		expect(r.ticks).toEqual([0.1, 1, 10]);
	});
	it('places ratios on a log axis with back-transformed labels', () => {
		const s = effectScale('OR', [Math.log(0.6), Math.log(1.7)], [0, 200]);
		expect(s.at(0)).toBeCloseTo(100, 12); // 1 lies halfway between 0.5 and 2 on a log axis
		expect(s.at(Math.log(2))).toBeCloseTo(200, 12);
		expect(s.ticks.map((t) => t.label)).toEqual(['0.5', '1', '2']);
		expect(s.ticks.map((t) => t.value)).toEqual([Math.log(0.5), 0, Math.log(2)]);
	});
});
