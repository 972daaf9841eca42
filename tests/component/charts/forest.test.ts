import './jsdom-shims';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ForestPlot from '../../../src/lib/charts/ForestPlot.svelte';
import type { Analysis } from '../../../src/lib/evidence/types';
import { analysisOf, result, study } from '../../unit/charts/studies';

// Same numbers as tests/unit/charts/forestLayout.test.ts at font 10 and the 720 px fallback width:
// columns: label width min(160, 201.6) = 160, n ends at 220, plot 230 .. 720 - 75 - 120 = 525.
// Domain [-15, 10] (see the unit test), so x(y) = 230 + (y + 15) * 295 / 25.
const x = (y: number) => 230 + ((y + 15) * 295) / 25;

function analysis(excludeB = false): Analysis {
	return analysisOf(
		[
			study('a', -10, 4, excludeB ? 100 : 75, { study: 'Alpha 2001', year: 2001 }),
			study('b', 0, 36, excludeB ? null : 25, {
				study: 'Beta 2002',
				year: 2002,
				excluded: excludeB,
				rob: 'high'
			})
		],
		excludeB ? result(-10, [-13.9, -6.1], [-13.9, -6.1], 1) : result(-7.5, [-11, -4], [-14, -1], 2)
	);
}

describe('ForestPlot', () => {
	it('draws one focusable row per study and the diamond at the pooled estimate', () => {
		const { container } = render(ForestPlot, { analysis: analysis(), fontSize: 10 });
		const rows = container.querySelectorAll('svg.forest .study-row');
		expect(rows).toHaveLength(2);
		expect([...rows].map((r) => r.getAttribute('tabindex'))).toEqual(['0', '-1']); // one tab stop per plot
		const diamond = container.querySelector('polygon.diamond')!;
		const pts = diamond
			.getAttribute('points')!
			.split(' ')
			.map((p) => p.split(',').map(Number));
		expect(pts[1]![0]).toBeCloseTo(x(-7.5), 9); // top tip at the estimate
		expect(pts[0]![0]).toBeCloseTo(x(-11), 9); // left tip at the CI lower bound
		expect(pts[2]![0]).toBeCloseTo(x(-4), 9);
		const square = container.querySelectorAll('rect.square')[0]!;
		expect(Number(square.getAttribute('x')) + Number(square.getAttribute('width')) / 2).toBeCloseTo(
			x(-10),
			9
		);
		expect(container.querySelector('line.null')!.getAttribute('x1')).toBe(String(x(0)));
	});

	it('has an accessible figure name, a text alternative and risk-of-bias marks with letters', () => {
		render(ForestPlot, { analysis: analysis(), fontSize: 10 });
		const fig = screen.getByRole('figure', { name: /Forest plot: pain/ });
		expect(fig.getAttribute('aria-describedby')).toBeTruthy();
		expect(within(fig).getByText(/Pooled estimate −7.5 \(95% CI −11.0 to −4.0\)/)).toBeTruthy();
		const marks = fig.querySelectorAll('.rob-mark');
		expect([...marks].map((m) => m.textContent?.trim())).toEqual(['low risk of biasL', 'high risk of biasH']);
	});

	it('shows the details of a focused row and toggles the study with Enter or a click', async () => {
		const onToggleStudy = vi.fn();
		render(ForestPlot, { analysis: analysis(), onToggleStudy, fontSize: 10 });
		const row = screen.getByRole('button', {
			name: /^Beta 2002: 0.0 \(95% CI −11.8 to 11.8\), weight 25.0%, high risk of bias/
		});
		await fireEvent.focus(row);
		const details = document.querySelector('.details')!;
		expect(details.textContent).toContain('Beta 2002');
		expect(details.textContent).toContain('Table 2');
		expect(
			within(details as HTMLElement)
				.getByRole('link', { name: 'pmid:1' })
				.getAttribute('href')
		).toBe('https://pubmed.ncbi.nlm.nih.gov/1/');
		await fireEvent.keyDown(row, { key: 'Enter' });
		await fireEvent.click(row);
		expect(onToggleStudy.mock.calls).toEqual([['b'], ['b']]);
	});

	it('moves the focus between rows with the arrow keys, Home and End', async () => {
		const { container } = render(ForestPlot, { analysis: analysis(), fontSize: 10 });
		const rows = [...container.querySelectorAll<SVGElement>('.study-row')];
		rows[0]!.focus();
		await fireEvent.keyDown(rows[0]!, { key: 'ArrowDown' });
		expect(document.activeElement).toBe(rows[1]);
		expect(rows.map((r) => r.getAttribute('tabindex'))).toEqual(['-1', '0']);
		expect(document.querySelector('.details')!.textContent).toContain('Beta 2002');
		await fireEvent.keyDown(rows[1]!, { key: 'ArrowDown' }); // stays on the last row
		expect(document.activeElement).toBe(rows[1]);
		await fireEvent.keyDown(rows[1]!, { key: 'Home' });
		expect(document.activeElement).toBe(rows[0]);
	});

	it('greys an excluded study and offers a way back', async () => {
		const onToggleStudy = vi.fn();
		const onResetExclusions = vi.fn();
		const { container } = render(ForestPlot, {
			analysis: analysis(true),
			onToggleStudy,
			onResetExclusions,
			fontSize: 10
		});
		const row = screen.getByRole('button', {
			name: 'Beta 2002: left out of the pooled result. Include again'
		});
		expect(row.classList.contains('excluded')).toBe(true);
		expect(container.querySelectorAll('polygon.diamond')).toHaveLength(1);
		await fireEvent.click(screen.getByRole('button', { name: 'Include Beta 2002 again' }));
		await fireEvent.click(screen.getByRole('button', { name: 'Reset exclusions' }));
		expect(onToggleStudy).toHaveBeenCalledWith('b');
		expect(onResetExclusions).toHaveBeenCalledOnce();
	});

	it('reorders the rows when the sort changes', async () => {
		const a = analysis();
		a.studies[1] = { ...a.studies[1]!, year: 1999 }; // year order: b, a; weight order: a (75) then b (25)
		const { container } = render(ForestPlot, { analysis: a, fontSize: 10 });
		const order = () =>
			[...container.querySelectorAll('.study-row')].map((r) => r.getAttribute('data-study'));
		expect(order()).toEqual(['b', 'a']);
		await fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'weight' } });
		expect(order()).toEqual(['a', 'b']);
		await fireEvent.change(screen.getByLabelText('Sort by'), { target: { value: 'year' } });
		expect(order()).toEqual(['b', 'a']);
	});

	it('gives a real table twin with one row per study plus the pooled row', async () => {
		render(ForestPlot, { analysis: analysis(), fontSize: 10 });
		await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
		const table = screen.getByRole('table');
		expect(within(table).getAllByRole('row')).toHaveLength(1 + 2 + 1);
		expect(within(table).getByRole('cell', { name: '−7.5' })).toBeTruthy();
	});

	it('draws subgroup blocks with their own diamonds and the test for differences', () => {
		const a = analysis();
		const [sa, sb] = a.studies;
		const { container } = render(ForestPlot, {
			analysis: a,
			fontSize: 10,
			subgroupsBy: 'Sham type',
			subgroups: {
				groups: [
					{
						label: 'Penetrating',
						analysis: { studies: [sa!], result: result(-10, [-14, -6], [-14, -6], 1) }
					},
					{
						label: 'Non-penetrating',
						analysis: { studies: [sb!], result: result(0, [-12, 12], [-12, 12], 1) }
					}
				],
				q: 2.5,
				df: 1,
				p: 0.114
			}
		});
		expect([...container.querySelectorAll('text.heading')].map((t) => t.textContent)).toEqual([
			'Penetrating',
			'Non-penetrating'
		]);
		expect(container.querySelectorAll('polygon.diamond')).toHaveLength(3);
		expect(
			screen.getByText('Test for subgroup differences (sham type): Q = 2.50, df = 1, p = 0.11')
		).toBeTruthy();
	});
});
