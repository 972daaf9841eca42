import { describe, expect, it } from 'vitest';
import { funnelLayout } from '../../../src/lib/charts/funnel-layout';
import { FEW_STUDIES_NOTE, regtestText, trimfillText } from '../../../src/lib/charts/funnel-text';
import { expectClose, result } from './studies';

// 400 x 300 at font 10: plot x 45..390, y 10..260. SE domain nice([0, 2]) = [0, 2]: se(v) = 10 + 125 v.
// x values: 0, +/- qnorm(0.995) * 2 = +/- 5.1517, yi -2 and 1, estimate -1 -> nice(5) = [-6, 6]: 28.75 px per unit.
const Z99 = 2.5758293035489; // R: qnorm(0.995)
const Z95 = 1.959963984540054;
const Z90 = 1.644853626951472;
const x = (v: number) => 45 + (v + 6) * 28.75;
const nums = (points: string) => points.split(/[ ,]/).map(Number);

const layout = () =>
	funnelLayout({
		measure: 'MD',
		studies: [
			{ key: 'a', label: 'A', yi: -2, vi: 1 },
			{ key: 'b', label: 'B', yi: 1, vi: 4 }
		],
		estimate: -1,
		filled: [{ yi: 3, vi: 1 }],
		adjusted: -0.5,
		width: 400,
		height: 300,
		fontSize: 10
	});

describe('funnelLayout', () => {
	it('puts each study at (effect, standard error) with the SE axis inverted', () => {
		const l = layout();
		expect(l.plot).toEqual({ left: 45, right: 390, top: 10, bottom: 260 });
		expect(l.x.domain).toEqual([-6, 6]);
		expect(l.points.map((p) => [p.key, p.filled])).toEqual([
			['a', false],
			['b', false],
			['filled:0', true]
		]);
		expectClose(
			l.points.flatMap((p) => [p.cx, p.cy]),
			[x(-2), 135, x(1), 260, x(3), 135]
		);
		expect(l.seTicks).toEqual([
			{ pos: 10, label: '0.0' },
			{ pos: 72.5, label: '0.5' },
			{ pos: 135, label: '1.0' },
			{ pos: 197.5, label: '1.5' },
			{ pos: 260, label: '2.0' }
		]);
	});

	it('draws the 99, 95 and 90% contours as triangles from (0, 0) to -/+ z * max SE', () => {
		const l = layout();
		expect(l.regions.map((r) => r.level)).toEqual([99, 95, 90]);
		[Z99, Z95, Z90].forEach((z, i) => {
			expectClose(nums(l.regions[i]!.points), [x(0), 10, x(-z * 2), 260, x(z * 2), 260]);
		});
	});

	it('marks the null, the pooled and the adjusted estimates', () => {
		const l = layout();
		expect(l.nullX).toBe(217.5);
		expectClose([l.estimateX!, l.adjustedX!], [x(-1), x(-0.5)]);
	});
});

describe('funnel texts', () => {
	it('reports the regression test and trim and fill in words', () => {
		expect(regtestText({ statistic: -2.104, p: 0.0354 })).toBe(
			'Egger-type regression test for funnel asymmetry: z = −2.10, p = 0.04.'
		);
		expect(regtestText({ statistic: 1.5, p: 0.17, df: 10 })).toBe(
			'Egger-type regression test for funnel asymmetry: t(10) = 1.50, p = 0.17.'
		);
		const tf = { k0: 2, side: 'left' as const, filled: [], result: result(-3.1, [-7, 0.8], [-9, 3], 14) };
		expect(trimfillText('MD', tf)).toBe(
			'Trim and fill: 2 studies estimated missing on the left; adjusted estimate −3.1 (95% CI −7.0 to 0.8).'
		);
		expect(trimfillText('MD', { ...tf, k0: 0 })).toMatch(/^Trim and fill: no missing studies estimated/);
		expect(FEW_STUDIES_NOTE).toContain(
			'with fewer than 10 studies a funnel plot cannot reliably show small-study bias'.replace(/^w/, 'W')
		);
	});
});
