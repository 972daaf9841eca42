import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { linearScale } from '$lib/charts/linear-scale';

// The reference is d3-scale's scaleLinear itself (the charts used it before): same nice domain, ticks, labels, map.
const cases: { domain: [number, number]; range: [number, number]; count: number }[] = [
	{ domain: [0, 1], range: [0, 100], count: 5 },
	{ domain: [-1.37, 2.91], range: [40, 620], count: 5 },
	{ domain: [0, 0.0437], range: [10, 290], count: 5 },
	{ domain: [0, 52], range: [60, 700], count: 5 },
	{ domain: [-23.4, -0.2], range: [0, 500], count: 6 },
	{ domain: [1234, 98765], range: [0, 800], count: 4 },
	{ domain: [3, -2.5], range: [0, 300], count: 5 },
	{ domain: [0, 1e-9], range: [0, 200], count: 5 }
];

/** -0 and 0 are the same position (d3-scale's nice loop may give -0 where d3-array's nice gives 0). */
const z = (xs: number[]) => xs.map((x) => x + 0);

describe('linearScale', () => {
	for (const { domain, range, count } of cases) {
		it(`matches d3-scale on [${domain.join(', ')}] with ${count} ticks`, () => {
			for (const niced of [false, true]) {
				const d3 = scaleLinear().domain(domain).range(range);
				if (niced) d3.nice(count);
				const ours = linearScale(domain, range, niced ? count : undefined);
				expect(z(ours.domain())).toEqual(z(d3.domain()));
				expect(z(ours.ticks(count))).toEqual(z(d3.ticks(count)));
				const f3 = d3.tickFormat(count);
				const f = ours.tickFormat(count);
				expect(ours.ticks(count).map(f)).toEqual(d3.ticks(count).map(f3));
				const [lo, hi] = d3.domain() as [number, number];
				for (const x of [lo, hi, (lo + hi) / 2, lo - (hi - lo) * 0.3, hi + 1])
					expect(ours(x)).toBeCloseTo(d3(x), 9);
			}
		});
	}

	it('maps a single-value domain to the middle of the range, as d3-scale', () => {
		expect(linearScale([2, 2], [0, 100])(2)).toBe(scaleLinear().domain([2, 2]).range([0, 100])(2));
	});
});
