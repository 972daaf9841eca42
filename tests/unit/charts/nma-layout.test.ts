import { describe, expect, test } from 'vitest';
import { contributionLayout, graphLayout, intervalLayout, leagueGrid } from '$lib/charts/nma-layout';

describe('network chart layouts', () => {
	test('graph: area proportional to participants, edge width to trials, multi-arm trials as polygons', () => {
		const g = graphLayout(
			{
				nodes: [
					{ id: 'a', n: 400 },
					{ id: 'b', n: 100 },
					{ id: 'c', n: 0 }
				],
				designs: [
					{ key: 'a|b|c', nodes: ['a', 'b', 'c'], trials: 1, names: ['s1'] },
					{ key: 'a|b', nodes: ['a', 'b'], trials: 1, names: ['s2'] }
				],
				trials: 2
			},
			500,
			400,
			12
		);
		const [a, b] = g.nodes;
		expect((a!.r / b!.r) ** 2).toBeCloseTo(4, 10);
		const ab = g.edges.find((e) => e.key === 'a|b')!;
		const ac = g.edges.find((e) => e.key === 'a|c')!;
		expect(ab.trials).toBe(2);
		expect(ac.trials).toBe(1);
		expect(ab.width).toBeCloseTo(8, 10);
		expect(ac.width).toBeCloseTo(1.5 + 6.5 / 2, 10);
		expect(g.multiArm).toHaveLength(1);
		expect(g.multiArm[0]!.points.split(' ')).toHaveLength(3);
		expect(g.multiArm[0]).toMatchObject({ id: 'a|b|c', trials: 1, names: ['s1'] });
		// first node at the top centre
		expect(a!.cx).toBeCloseTo(250, 10);
		expect(a!.cy).toBeLessThan(b!.cy);
	});

	test('graph: a design of many trials counts each of them on its edges and draws one polygon', () => {
		const g = graphLayout(
			{
				nodes: [
					{ id: 'a', n: 1 },
					{ id: 'b', n: 1 },
					{ id: 'c', n: 1 }
				],
				designs: [
					{ key: 'a|b|c', nodes: ['a', 'b', 'c'], trials: 4000, names: ['m1'] },
					{ key: 'a|b', nodes: ['a', 'b'], trials: 1000, names: ['t1'] }
				],
				trials: 5000
			},
			500,
			400,
			12
		);
		expect(g.edges.find((e) => e.key === 'a|b')!.trials).toBe(5000);
		expect(g.edges.find((e) => e.key === 'b|c')!.trials).toBe(4000);
		expect(g.edges.find((e) => e.key === 'b|c')!.width).toBeCloseTo(1.5 + (6.5 * 4000) / 5000, 10);
		expect(g.multiArm.map((m) => [m.id, m.trials])).toEqual([['a|b|c', 4000]]);
	});

	test('graph labels: beside the node on one line when they fit, else two lines, else two lines under it inside the width', () => {
		const input = {
			nodes: [
				{ id: 'none', n: 99 },
				{ id: 'real', n: 537 },
				{ id: 'sham', n: 450 },
				{ id: 'care', n: 361 }
			],
			designs: [{ key: 'real|sham|none', nodes: ['real', 'sham', 'none'], trials: 1, names: ['B'] }],
			trials: 1
		};
		const names: Record<string, string> = {
			none: 'no treatment',
			real: 'real acupuncture',
			sham: 'sham acupuncture',
			care: 'usual care'
		};
		const label = (d: { id: string; n: number }): [string, string] => [names[d.id]!, `(${d.n})`];
		const wide = graphLayout(input, 1000, 384, 14, label);
		const [none, real, , care] = wide.nodes;
		expect(real!.lines).toEqual(['real acupuncture (537)']);
		expect(real!.anchor).toBe('start');
		expect(real!.lx).toBeGreaterThan(real!.cx + real!.r);
		expect(care!.anchor).toBe('end');
		expect(none!.lines).toEqual(['no treatment (99)']);
		// the bottom node's label is below it: the drawing grows to hold it
		expect(wide.height).toBeGreaterThanOrEqual(wide.nodes[2]!.ly + 1);
		expect(wide.height).toBeGreaterThan(384);
		// a 390 px phone: no room beside the side nodes
		const phone = graphLayout(input, 342, 280, 14, label);
		for (const d of [phone.nodes[1]!, phone.nodes[3]!]) {
			expect(d.lines).toEqual([names[d.id], `(${d.n})`]);
			expect(d.anchor).toBe('middle');
			expect(d.ly).toBeGreaterThan(d.cy + d.r);
			expect(d.lx).toBeGreaterThan(0);
			expect(d.lx).toBeLessThan(342);
		}
		// the bottom label fits in the drawing: it grows taller, never wider
		const bottom = phone.nodes[2]!;
		expect(phone.width).toBe(342);
		expect(phone.height).toBeGreaterThanOrEqual(bottom.ly + 1);
	});

	test('interval rows: CI and PI on one scale, the null line at 0, missing estimates undrawn', () => {
		const l = intervalLayout(
			'MD',
			[
				{
					key: 'n',
					label: 'net',
					estimate: -5,
					lower: -9,
					upper: -1,
					piLower: -15,
					piUpper: 5,
					text: '',
					kind: 'diamond'
				},
				{ key: 'd', label: 'direct', estimate: null, lower: null, upper: null, text: 'none', kind: 'square' }
			],
			600,
			12
		);
		const [n, d] = l.rows;
		expect(n!.p1!).toBeLessThan(n!.x1!);
		expect(n!.x1!).toBeLessThan(n!.x!);
		expect(n!.x!).toBeLessThan(l.zero);
		expect(n!.p2!).toBeGreaterThan(l.zero);
		expect(d!.x).toBeNull();
		expect(d!.y - n!.y).toBe(24);
		expect(l.scale.at(-5)).toBe(n!.x);
	});

	test('contribution bars: largest first, length proportional to share', () => {
		const c = contributionLayout(
			[
				{ key: 'a', label: 'A', share: 0.25 },
				{ key: 'b', label: 'B', share: 0.75 },
				{ key: 'z', label: 'Z', share: 0 }
			],
			400,
			10
		);
		expect(c.bars.map((b) => b.key)).toEqual(['b', 'a']);
		expect(c.bars[0]!.w / c.bars[1]!.w).toBeCloseTo(3, 10);
	});
});

test('league grid: row versus column, ratios back-transformed, a clear difference starred', () => {
	const league = [
		{
			treatment: 'a',
			comparator: 'b',
			estimate: Math.log(0.5),
			ci: { lower: Math.log(0.25), upper: Math.log(0.9) }
		},
		{
			treatment: 'b',
			comparator: 'a',
			estimate: Math.log(2),
			ci: { lower: Math.log(1.1), upper: Math.log(4) }
		}
	];
	const g = leagueGrid(['a', 'b'], league, 'RR', (x) => x.toUpperCase());
	expect(g.map((c) => c.text)).toEqual(['A', '0.50 (0.25 to 0.90)*', '2.00 (1.10 to 4.00)*', 'B']);
	expect(g.filter((c) => c.clear)).toHaveLength(2);
	const md = leagueGrid(
		['a', 'b'],
		[
			{ treatment: 'a', comparator: 'b', estimate: -2, ci: { lower: -5, upper: 1 } },
			{ treatment: 'b', comparator: 'a', estimate: 2, ci: { lower: -1, upper: 5 } }
		],
		'MD',
		(x) => x
	);
	expect(md[1]!.text).toBe('-2.0 (-5.0 to 1.0)');
	expect(md[1]!.clear).toBe(false);
});
