import { describe, expect, it } from 'vitest';
import { forestColumns } from '../../../src/lib/charts/forest-columns';
import { forestLayout, type ForestItem } from '../../../src/lib/charts/forest-layout';
import { result, study, Z95 } from './studies';

// Width 800, font 10: columns (forestColumns doc) label width min(160, 224) = 160, n ends at 220, plot 230..605.
// Domain: core values {0, -10, 0, -11, -4, -14, -1} -> [-14, 0], pad 7; study CIs clamped to [-21, 7];
// extent [-14, 7] -> d3 nice(6) (375 px / 40 px = 9 ticks, capped at 6), step 5 -> [-15, 10]. So x(y) = 230 + (y + 15) * 375 / 25 = 230 + 15 (y + 15).
const x = (y: number) => 230 + 15 * (y + 15);
const s1 = study('a', -10, 4, 75);
const s2 = study('b', 0, 36, 25);

function layout(k = 2, extra = {}) {
	return forestLayout({
		measure: 'MD',
		blocks: [{ studies: [s1, s2], result: result(-7.5, [-11, -4], [-14, -1], k), pooledLabel: 'Pooled' }],
		width: 800,
		fontSize: 10,
		...extra
	});
}
const items = <K extends ForestItem['kind']>(l: ReturnType<typeof layout>, kind: K) =>
	l.items.filter((i): i is Extract<ForestItem, { kind: K }> => i.kind === kind);

describe('forestColumns', () => {
	it('places the columns from the width and the font size', () => {
		expect(forestColumns(800, 10)).toEqual({
			label: 0,
			n: 220,
			plotLeft: 230,
			plotRight: 605,
			estimate: 725,
			weight: 775,
			rob: 790,
			compact: false
		});
	});
	it('switches to the compact phone layout below 34 font sizes: the plot spans the width, text goes above and below', () => {
		const c = forestColumns(330, 10);
		expect(c).toEqual({
			label: 0,
			n: null,
			plotLeft: 10,
			plotRight: 300,
			estimate: 4,
			weight: null,
			rob: 320,
			compact: true
		});
		expect(forestColumns(340, 10).compact).toBe(false);
	});
	it('hides the n and weight columns when narrow', () => {
		// label width min(160, 98) = 98; plot from 108 to 325 - 120 = 205; estimate at 350 - 25
		const c = forestColumns(350, 10);
		expect(c).toMatchObject({ label: 0, n: null, weight: null, estimate: 325, rob: 340 });
		expect(c.plotLeft).toBeCloseTo(108, 9);
		expect(c.plotRight).toBeCloseTo(205, 9);
	});
});

describe('forestLayout', () => {
	it('computes the axis domain, the null line and the ticks', () => {
		const l = layout();
		expect(l.scale.domain).toEqual([-15, 10]);
		expect(l.nullX).toBe(455);
		expect(l.scale.ticks.map((t) => [t.value, l.scale.at(t.value)])).toEqual([
			[-15, 230],
			[-10, 305],
			[-5, 380],
			[0, 455],
			[5, 530],
			[10, 605]
		]);
	});

	it('puts each study on its row with a square whose area is proportional to its weight', () => {
		const [r1, r2] = items(layout(), 'study');
		expect(r1!.y).toBe(30); // row 0: 2f * 1.5
		expect(r2!.y).toBe(50);
		expect(r1!.x).toBe(x(-10));
		expect(r2!.x).toBe(x(0));
		expect(r1!.side).toBe(16); // 1.6 f for the largest weight
		expect(r2!.side).toBeCloseTo(16 * Math.sqrt(25 / 75), 12);
		expect((r2!.side / r1!.side) ** 2).toBeCloseTo(25 / 75, 12);
	});

	it('draws the whiskers at the Wald CI and an arrow where the CI leaves the axis', () => {
		const [r1, r2] = items(layout(), 'study');
		expect(r1!.whisker.x1).toBeCloseTo(x(-10 - Z95 * 2), 9);
		expect(r1!.whisker.x2).toBeCloseTo(x(-10 + Z95 * 2), 9);
		expect(r1!.whisker.arrows).toEqual([]);
		expect(r2!.whisker.x1).toBeCloseTo(x(-Z95 * 6), 9);
		expect(r2!.whisker.x2).toBe(605); // 11.76 > 10: clipped
		expect(r2!.whisker.arrows).toEqual(['605,50 599,47 599,53']);
	});

	it('draws the pooled diamond from the CI with the estimate at its tips', () => {
		const [p] = items(layout(), 'pooled');
		expect(p!.y).toBe(70);
		expect(p!.x).toBe(x(-7.5));
		expect(p!.points).toBe('290,70 342.5,63 395,70 342.5,77');
	});

	it('adds the prediction interval only from k = 3 and a heterogeneity note from k = 2', () => {
		const two = layout(2);
		expect(items(two, 'pi')).toHaveLength(0);
		expect(items(two, 'note').map((n) => n.y)).toEqual([90]);
		expect(two.axisY).toBe(110); // 4 rows: 2f (4 + 1) + f
		expect(two.height).toBe(150);
		const three = layout(3);
		const [pi] = items(three, 'pi');
		expect(pi!.y).toBe(90);
		expect(pi!.whisker.x1).toBeCloseTo(x(-14), 9);
		expect(pi!.whisker.x2).toBeCloseTo(x(-1), 9);
		expect(items(three, 'note')[0]!.y).toBe(110);
	});

	it('shades the MID band and widens the domain to include it', () => {
		const l = layout(2, { mid: 15 });
		// core now [-15, 15]; study CIs within; nice -> [-15, 15] (step 5): x(y) = 230 + 12.5 (y + 15)
		expect(l.scale.domain).toEqual([-15, 15]);
		expect(l.mid).toEqual({ x1: 230, x2: 605 });
		expect(l.nullX).toBe(417.5);
	});

	it('greys excluded studies: no weight square, but still a row and a whisker', () => {
		const l = forestLayout({
			measure: 'MD',
			blocks: [
				{ studies: [s1, { ...s2, excluded: true, weight: null }], result: null, pooledLabel: 'Pooled' }
			],
			width: 800,
			fontSize: 10
		});
		const rows = items(l, 'study');
		expect(rows.map((r) => r.side)).toEqual([16, 0]);
		expect(items(l, 'pooled')).toHaveLength(0);
	});

	it('lays out subgroup blocks with headings, subtotals and the overall diamond', () => {
		const l = forestLayout({
			measure: 'MD',
			blocks: [
				{
					title: 'Penetrating',
					studies: [s1],
					result: result(-10, [-14, -6], [-14, -6], 1),
					pooledLabel: 'Subtotal'
				},
				{
					title: 'Non-penetrating',
					studies: [s2],
					result: result(0, [-12, 12], [-12, 12], 1),
					pooledLabel: 'Subtotal'
				}
			],
			overall: result(-7.5, [-11, -4], [-14, -1], 2),
			width: 800,
			fontSize: 10
		});
		expect(l.items.map((i) => [i.kind, i.y])).toEqual([
			['heading', 30],
			['study', 50],
			['pooled', 70],
			// empty row 3 between blocks
			['heading', 110],
			['study', 130],
			['pooled', 150],
			// empty row 7 before the overall result
			['pooled', 190],
			['note', 210]
		]);
	});

	it('uses a log axis with back-transformed ticks for ratio measures', () => {
		const l = forestLayout({
			measure: 'RR',
			blocks: [
				{
					studies: [study('a', Math.log(1.5), 0.01, 100)],
					result: result(Math.log(1.5), [Math.log(1.2), Math.log(1.8)], [Math.log(1.2), Math.log(1.8)], 1),
					pooledLabel: 'Pooled'
				}
			],
			width: 800,
			fontSize: 10
		});
		// values in [log 1, log 1.8] widen to the 1-2-5 steps [1, 2]
		expect(l.scale.domain).toEqual([0, Math.log(2)]);
		expect(l.scale.ticks.map((t) => t.label)).toEqual(['1', '2']);
		expect(l.nullX).toBe(230);
		const [row] = items(l, 'study');
		expect(row!.x).toBeCloseTo(230 + (375 * Math.log(1.5)) / Math.log(2), 9);
	});
});
