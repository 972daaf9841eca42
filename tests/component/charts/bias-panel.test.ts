import './jsdom-shims';
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BiasPanel from '../../../src/lib/components/claims/BiasPanel.svelte';
import { biasChecks } from '../../../src/lib/evidence/sensitivity';
import { rma } from '../../../src/lib/stats';
import { analysisOf, study } from '../../unit/charts/studies';

/** A hand-made analysis of k trials (not evidence) pooled with the engine, so the bias checks can run. */
function pooled(k: number) {
	const yi = Array.from({ length: k }, (_, i) => -5 + ((i * 37) % 11) - (i % 3 === 0 ? 2 : 0));
	const vi = Array.from({ length: k }, (_, i) => 1 + ((i * 13) % 7));
	const res = rma(yi, vi, { method: 'REML', test: 'z', level: 95 });
	return analysisOf(
		yi.map((y, i) => study(`s${i}`, y, vi[i]!, res.weights[i]!)),
		res
	);
}

describe('BiasPanel', () => {
	it('draws the funnel plot up to 2,000 trials', () => {
		const analysis = pooled(40);
		const bias = { status: 'ready' as const, value: biasChecks(analysis) };
		const { container } = render(BiasPanel, { analysis, bias });
		expect(container.querySelector('figure svg')).not.toBeNull();
	});

	it('above 2,000 trials gives the Egger test and trim and fill in words instead of drawing them', () => {
		const analysis = pooled(2001);
		const bias = { status: 'ready' as const, value: biasChecks(analysis) };
		const { container } = render(BiasPanel, { analysis, bias });
		expect(container.querySelector('figure svg')).toBeNull();
		const text = container.textContent!;
		expect(text).toContain('The funnel plot draws up to 2,000 trials; this analysis has 2,001.');
		expect(text).toMatch(/Egger-type regression test for funnel asymmetry: z = -?\d+\.\d\d, p/);
		expect(text).toMatch(/Trim and fill: /);
	});

	it('says the checks are being computed, or why they could not be', () => {
		const analysis = pooled(12);
		const computing = render(BiasPanel, { analysis, bias: { status: 'computing' } });
		expect(computing.getByRole('status').textContent).toMatch(/^Computing the heterogeneity/);
		expect(computing.container.querySelector('figure svg')).toBeNull();
		computing.unmount();
		const failed = render(BiasPanel, { analysis, bias: { status: 'failed', message: 'no memory' } });
		expect(failed.container.textContent).toContain('could not be computed (no memory)');
	});
});

describe('BiasPanel with 12 identical trials (issue 16)', () => {
	it('says why the Egger-type test cannot run instead of throwing', () => {
		const res = rma(Array<number>(12).fill(-10), Array<number>(12).fill(16));
		const a = analysisOf(
			Array.from({ length: 12 }, (_, i) => study(`s${i}`, -10, 16, res.weights[i]!)),
			res
		);
		const { container } = render(BiasPanel, {
			analysis: a,
			bias: { status: 'ready' as const, value: biasChecks(a) }
		});
		expect(container.textContent).toContain(
			'Egger-type test not computed: all trials have the same precision, so small-study bias cannot be tested.'
		);
	});
});
