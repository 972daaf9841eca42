import '../charts/jsdom-shims';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { bundledClaims } from '$lib/evidence/claims';
import type { ViewState } from '$lib/state/view.svelte';
import Harness from './Harness.svelte';

const { data } = loadFiles([]);

describe('ClinicianView', () => {
	it('renders one article per claim, each with the verdict the evidence layer computed', () => {
		let view: ViewState | undefined;
		const { container } = render(Harness, { data, audience: 'clinician', onview: (v) => (view = v) });
		const articles = container.querySelectorAll('article.claim');
		expect(articles).toHaveLength(bundledClaims.claims.length);
		for (const r of view!.results) {
			const badge = container.querySelector(`#${r.claim.id} [data-verdict]`);
			expect(badge?.getAttribute('data-verdict')).toBe(r.verdict);
			expect(container.querySelector(`#${r.claim.id} [data-testid="sentence"]`)?.textContent).toBe(
				r.sentence
			);
		}
	});

	it('recomputes the verdicts when a control changes', async () => {
		const { container } = render(Harness, { data, audience: 'clinician' });
		const badge = () => container.querySelector('#sham-as-good [data-verdict]')?.getAttribute('data-verdict');
		// real - sham = -2.6 (95% CI -5.2 to -0.1, 90% CI -4.8 to -0.5): equivalent within the 10-point margin and
		// clearly better, so both are said: partly supported.
		expect(badge()).toBe('partly supported');
		const margin = screen.getByLabelText(/Equivalence margin/) as HTMLInputElement;
		margin.value = '2';
		await fireEvent.change(margin);
		flushSync();
		// A clear difference whose 90% CI reaches past a 2-point margin.
		expect(badge()).toBe('not supported');
	});
});

describe('ClinicianView: rows not used', () => {
	it('lists every row no pooled result uses, with its reason, when opened', async () => {
		const { container } = render(Harness, { data, audience: 'clinician' });
		const details = container.querySelector('details.left-out') as HTMLDetailsElement;
		expect(details.querySelector('table')).toBeNull();
		details.open = true;
		await fireEvent(details, new Event('toggle'));
		flushSync();
		// The list's code loads when it is first opened.
		const table = await vi.waitFor(() => {
			const t = details.querySelector('table');
			if (!t) throw new Error('no table yet');
			return t;
		});
		const text = table.textContent!;
		// Sator-Katzenschlager's two arms are both real acupuncture: no comparison, said with the lines.
		expect(text).toMatch(/trials\.csv\s*\d+\s*Sator-Katzenschlager 2004/);
		expect(text).toContain('no other arm of a different type');
		// Thomas 2006's SF-36 contrasts cannot enter the 0-100 pain analysis.
		expect(text).toMatch(/contrasts\.csv\s*\d+\s*Thomas 2006/);
	});
});

describe('PatientView', () => {
	it('shows every claim with a plain verdict and a question list', () => {
		const { container } = render(Harness, { data, audience: 'patient' });
		for (const c of bundledClaims.claims) expect(container.querySelector(`#${c.id}`), c.id).not.toBeNull();
		expect(screen.getByRole('heading', { name: 'Questions to ask your clinician' })).toBeTruthy();
		expect(container.querySelectorAll('.term button').length).toBeGreaterThan(5);
	});
});
