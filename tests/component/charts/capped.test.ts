import './jsdom-shims';
import { render } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import BiasPanel from '../../../src/lib/components/claims/BiasPanel.svelte';
import { biasChecks } from '../../../src/lib/evidence/sensitivity';
import { forPage } from '../../../src/lib/evidence/study-summary';
import { rma } from '../../../src/lib/stats';
import { analysisOf, study } from '../../unit/charts/studies';

/** A hand-made analysis of k trials (not evidence), pooled with the engine, then capped as the worker sends it. */
function capped(k: number) {
	const yi = Array.from({ length: k }, (_, i) => -5 + ((i * 37) % 11));
	const vi = Array.from({ length: k }, (_, i) => 1 + ((i * 13) % 7));
	const res = rma(yi, vi, { method: 'REML', test: 'z', level: 95 });
	const full = analysisOf(
		yi.map((y, i) => study(`s${i}`, y, vi[i]!, res.weights[i]!)),
		res
	);
	return { full, page: forPage(full, { above: 2000, keep: 300 }, []) };
}

describe('a capped analysis on the page', () => {
	it('says how many trials it has, not how many rows the page holds, and draws no funnel', () => {
		const { full, page } = capped(2500);
		expect(page.studies.length).toBe(300);
		const { container } = render(BiasPanel, {
			analysis: page,
			bias: { status: 'ready' as const, value: biasChecks(full) }
		});
		expect(container.querySelector('figure svg')).toBeNull();
		expect(container.textContent).toContain(
			'The funnel plot draws up to 2,000 trials; this analysis has 2,500.'
		);
	});
});
