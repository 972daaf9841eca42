import { describe, expect, it } from 'vitest';
import { countsOutOf100, iconArrayLayout, iconState } from '../../../src/lib/charts/icon-array-layout';
import { networkLayout } from '../../../src/lib/charts/network-layout';
import { robCounts, robLayout } from '../../../src/lib/charts/rob-layout';

describe('networkLayout', () => {
	// 500 x 300 at font 10: maxR = 0.12 * 300 = 36; columns x = 100 and 400; rows y = 41 and 300 - 36 - 28 = 236.
	const l = networkLayout(
		{
			nodes: [
				{ arm: 'acupuncture', n: 400 },
				{ arm: 'sham', n: 100 },
				{ arm: 'no_treatment', n: 25 },
				{ arm: 'usual_care', n: 0 }
			],
			edges: [
				{ a: 'acupuncture', b: 'sham', trials: 4 },
				{ a: 'acupuncture', b: 'no_treatment', trials: 2 }
			]
		},
		500,
		300,
		10
	);
	it('places nodes on the fixed square with area proportional to participants', () => {
		expect(l.nodes).toEqual([
			{ arm: 'acupuncture', n: 400, cx: 100, cy: 41, r: 36 },
			{ arm: 'sham', n: 100, cx: 400, cy: 41, r: 18 },
			{ arm: 'no_treatment', n: 25, cx: 400, cy: 236, r: 9 }
		]);
	});
	it('draws edges with width by trials and the label at the middle (40% along a diagonal)', () => {
		expect(l.edges.map((e) => [e.key, e.width, e.lx, e.ly])).toEqual([
			['acupuncture-sham', 8, 250, 41],
			['acupuncture-no_treatment', 4.75, 220, 119]
		]);
		expect(l.edges[1]).toMatchObject({ x1: 100, y1: 41, x2: 400, y2: 236 });
	});
});

describe('icon arrays', () => {
	it('counts whole people out of 100 and keeps lower <= estimate <= upper', () => {
		expect(countsOutOf100({ rate: 0.444, lower: 0.38, upper: 0.5 })).toEqual({
			lower: 38,
			estimate: 44,
			upper: 50
		});
		expect(countsOutOf100({ rate: 0.3, lower: 0.35, upper: 1.2 })).toEqual({
			lower: 30,
			estimate: 30,
			upper: 100
		});
	});
	it('fills icons in order: sure, likely (best estimate), possible (CI), none', () => {
		const n = { lower: 38, estimate: 44, upper: 50 };
		expect([0, 37, 38, 43, 44, 49, 50, 99].map((i) => iconState(i, n))).toEqual([
			'sure',
			'sure',
			'likely',
			'likely',
			'possible',
			'possible',
			'none',
			'none'
		]);
	});
	const arms = [
		{ label: 'Real', rate: 0.444, lower: 0.38, upper: 0.5 },
		{ label: 'Sham', rate: 0.4, lower: 0.3, upper: 0.5 },
		{ label: 'None', rate: 0.2, lower: 0.1, upper: 0.3 }
	];
	it('puts the panels side by side when they fit', () => {
		// 720 at font 10: gap 20, columns min(floor(740 / 160), 3) = 3, panel (720 - 40) / 3 wide, cell min(24, 68/3)
		const l = iconArrayLayout(arms, 720, 10);
		const panel = 680 / 3;
		expect(l.cell).toBeCloseTo(panel / 10, 12);
		expect(l.panels[1]!.x).toBeCloseTo(panel + 20, 12);
		const icon = l.panels[1]!.icons[23]!; // row 2, column 3
		expect(icon.x).toBeCloseTo(panel + 20 + 3 * (panel / 10), 9);
		expect(icon.y).toBeCloseTo(38 + 2 * (panel / 10), 9);
		expect(l.panels[0]!.icons.filter((i) => i.state !== 'none')).toHaveLength(50);
		expect(l.height).toBeCloseTo(38 + panel, 9);
	});
	it('wraps the panels on narrow screens', () => {
		// 300 at font 10: columns floor(320 / 160) = 2, panel 140, cell 14, panel height 38 + 140
		const l = iconArrayLayout(arms, 300, 10);
		expect(l.cell).toBe(14);
		expect(l.panels.map((p) => [p.x, p.y])).toEqual([
			[0, 0],
			[160, 0],
			[0, 198]
		]);
		expect(l.height).toBe(2 * 178 + 20);
	});
});

describe('risk of bias summary', () => {
	const studies = [
		{ study_id: 'a', study: 'A', rob: 'low' as const },
		{ study_id: 'b', study: 'B', rob: 'high' as const },
		{ study_id: 'c', study: 'C', rob: null },
		{ study_id: 'd', study: 'D', rob: 'low' as const }
	];
	it('counts studies per level in a fixed order', () => {
		expect(robCounts(studies)).toEqual([
			{ level: 'low', count: 2 },
			{ level: 'some', count: 0 },
			{ level: 'high', count: 1 },
			{ level: 'unknown', count: 1 }
		]);
	});
	it('lays out a row per study and a stacked bar proportional to the counts', () => {
		const l = robLayout(studies, 200, 10);
		expect(l.rows.map((r) => [r.key, r.rob, r.y])).toEqual([
			['a', 'low', 9],
			['b', 'high', 27],
			['c', 'unknown', 45],
			['d', 'low', 63]
		]);
		expect(l.barY).toBe(81);
		expect(l.bar).toEqual([
			{ level: 'low', count: 2, x: 0, width: 100 },
			{ level: 'high', count: 1, x: 100, width: 50 },
			{ level: 'unknown', count: 1, x: 150, width: 50 }
		]);
		expect(l.height).toBe(102);
	});
	it('draws only the bar above maxRows studies, at the top', () => {
		const l = robLayout(studies, 200, 10, 3);
		expect(l.rows).toEqual([]);
		expect(l.barY).toBe(9);
		expect(l.bar.map((s) => s.count)).toEqual([2, 1, 1]);
		expect(l.height).toBe(30);
		expect(robLayout(studies, 200, 10, 4).rows).toHaveLength(4);
	});
});
