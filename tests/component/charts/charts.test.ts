import './jsdom-shims';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EvidenceNetwork from '../../../src/lib/charts/EvidenceNetwork.svelte';
import FunnelPlot from '../../../src/lib/charts/FunnelPlot.svelte';
import IconArray from '../../../src/lib/charts/IconArray.svelte';
import { MAX_TRIAL_ROWS } from '../../../src/lib/charts/limits';
import RobSummary from '../../../src/lib/charts/RobSummary.svelte';
import TimeCourse from '../../../src/lib/charts/TimeCourse.svelte';
import type { Analysis } from '../../../src/lib/evidence/types';
import { analysisOf, result, study } from '../../unit/charts/studies';

function funnelAnalysis(k: number): Analysis {
	const studies = Array.from({ length: k }, (_, i) => study(`s${i}`, -i, 1 + i, 100 / k));
	return analysisOf(studies, result(-3, [-5, -1], [-8, 2], k), { unit: 'points' });
}

describe('FunnelPlot', () => {
	it('draws one point per included study and says why there is no test below 10 studies', () => {
		const a = funnelAnalysis(4);
		a.studies[3] = { ...a.studies[3]!, excluded: true, weight: null };
		const { container } = render(FunnelPlot, { analysis: a, regtest: { statistic: 2, p: 0.05 } });
		expect(container.querySelectorAll('circle.point')).toHaveLength(3);
		expect(
			screen.getByText(/fewer than 10 studies a funnel plot cannot reliably show small-study bias/)
		).toBeTruthy();
		expect(screen.queryByText(/Egger-type/)).toBeNull();
		expect(container.querySelectorAll('polygon.region')).toHaveLength(3);
	});
	it('shows the regression test and the trim-and-fill studies from 10 studies', () => {
		const tf = {
			k0: 1,
			side: 'right' as const,
			filled: [{ yi: 4, vi: 4 }],
			result: result(-2, [-4, 0], [-6, 2], 11)
		};
		const { container } = render(FunnelPlot, {
			analysis: funnelAnalysis(10),
			regtest: { statistic: -2.5, p: 0.0124 },
			trimfill: tf
		});
		expect(container.querySelectorAll('circle.point')).toHaveLength(11);
		expect(container.querySelectorAll('circle.imputed')).toHaveLength(1);
		expect(
			screen.getByText('Egger-type regression test for funnel asymmetry: z = −2.50, p = 0.01.')
		).toBeTruthy();
		expect(screen.getByText(/Trim and fill: 1 study estimated missing on the right/)).toBeTruthy();
		expect(container.querySelector('line.adjusted')).toBeTruthy();
	});
});

describe('TimeCourse', () => {
	it('draws a pooled marker per window and a marker per trial point, with the 6-8 week band', () => {
		const { container } = render(TimeCourse, {
			measure: 'MD',
			series: [
				{
					label: 'Real vs sham',
					control: 'sham',
					points: [
						{ weeks: 8, estimate: -5, lower: -9, upper: -1 },
						{ weeks: 26, estimate: -3, lower: -8, upper: 2 },
						{ weeks: 6, estimate: -8, lower: -15, upper: -1, study: 'Trial A' }
					]
				}
			]
		});
		expect(container.querySelectorAll('path.pooled')).toHaveLength(2);
		expect(container.querySelectorAll('path.trial')).toHaveLength(1);
		expect(container.querySelector('rect.band')).toBeTruthy();
		expect(screen.getByRole('figure').textContent).toContain(
			'Real vs sham: −5.0 at week 8, −3.0 at week 26.'
		);
	});
});

describe('EvidenceNetwork', () => {
	it('draws the arms with participants and labels each edge with its trials', () => {
		const { container } = render(EvidenceNetwork, {
			network: {
				nodes: [
					{ arm: 'acupuncture', n: 1200 },
					{ arm: 'sham', n: 900 }
				],
				edges: [{ a: 'acupuncture', b: 'sham', trials: 7 }]
			}
		});
		expect(container.querySelectorAll('g.node')).toHaveLength(2);
		expect(container.querySelector('text.edge-label')!.textContent).toBe('7 trials');
		expect(container.querySelector('g.node')!.textContent).toContain('1,200 people');
	});
});

describe('IconArray', () => {
	it('draws 100 people per arm with the estimate and range filled, and says it in words', () => {
		const { container } = render(IconArray, {
			arms: [
				{ label: 'Real acupuncture', rate: 0.47, lower: 0.41, upper: 0.53, arm: 'acupuncture' },
				{ label: 'No treatment', rate: 0.27, lower: 0.2, upper: 0.35, arm: 'no_treatment' }
			]
		});
		const panels = container.querySelectorAll('g.panel');
		expect(panels).toHaveLength(2);
		expect(panels[0]!.querySelectorAll('path.icon')).toHaveLength(100);
		expect(panels[0]!.querySelectorAll('path.sure')).toHaveLength(41);
		expect(panels[0]!.querySelectorAll('path.likely')).toHaveLength(6);
		expect(panels[0]!.querySelectorAll('path.possible')).toHaveLength(6);
		expect(screen.getByRole('figure').textContent).toContain(
			'Real acupuncture: out of 100 people, about 47 improved (plausible range 41 to 53).'
		);
	});
});

describe('RobSummary', () => {
	it('shows a mark per study and the counts by level', () => {
		const { container } = render(RobSummary, {
			studies: [
				study('a', 0, 1, 50),
				study('b', 0, 1, 50, { rob: 'high' }),
				study('c', 0, 1, 50, { rob: null })
			]
		});
		expect([...container.querySelectorAll('.rob-mark')].map((m) => m.getAttribute('data-rob'))).toEqual([
			'low',
			'high',
			'unknown'
		]);
		expect([...container.querySelectorAll('g.segment')].map((g) => g.textContent)).toEqual([
			'L 1',
			'H 1',
			'? 1'
		]);
	});
	it('has a table twin', async () => {
		render(RobSummary, { studies: [study('a', 0, 1, 50)] });
		await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
		expect(within(screen.getByRole('table')).getByRole('cell', { name: 'low risk of bias' })).toBeTruthy();
	});
	it('draws and tabulates only the counts above MAX_TRIAL_ROWS studies', async () => {
		const many = Array.from({ length: MAX_TRIAL_ROWS + 1 }, (_, i) =>
			study(`s${i}`, 0, 1, null, { rob: i % 3 === 0 ? 'high' : 'low' })
		);
		const { container } = render(RobSummary, { studies: many });
		expect(container.querySelectorAll('.rob-mark')).toHaveLength(0);
		expect([...container.querySelectorAll('g.segment')].map((g) => g.textContent)).toEqual([
			'L 200',
			'H 101'
		]);
		expect(container.querySelector('svg')!.getAttribute('aria-label')).toContain(
			`301 studies: 200 low risk of bias, 101 high risk of bias (counts only: one row per study is drawn up to ${MAX_TRIAL_ROWS} studies)`
		);
		await fireEvent.click(screen.getByRole('button', { name: 'Show as table' }));
		const rows = within(screen.getByRole('table')).getAllByRole('row');
		expect(rows.map((r) => r.textContent)).toEqual([
			'Overall risk of biasStudies',
			'low risk of bias200',
			'high risk of bias101'
		]);
	});
});
