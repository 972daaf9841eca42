import '../charts/jsdom-shims';
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import IconArray from '../../../src/lib/charts/IconArray.svelte';
import { buildAnalyses } from '$lib/evidence/analyses';
import { naturalFrequencies } from '$lib/evidence/frequencies';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';

const { data } = loadFiles([]);
const analyses = buildAnalyses(data, DEFAULT_SETTINGS);

describe('patient icon arrays', () => {
	it('count every group in the same trials: the three-arm GERAC trial, never sham from other trials', () => {
		const f = naturalFrequencies(analyses, 'responder', 'chronic', ['intermediate', 'short', 'long']);
		expect(f).not.toBeNull();
		const sets = f!.arms.map((a) => [...a.trials].sort().join(','));
		// Both (all) groups come from one and the same set of trials.
		expect(new Set(sets).size).toBe(1);
		expect(f!.arms.map((a) => a.arm)).toEqual(['usual_care', 'sham', 'acupuncture']);
		expect(f!.arms[0]!.trials).toEqual(['haake2007']);
		// GERAC's reported responder rates (Haake 2007, abstract): 27.4% usual care, 44.2% sham, 47.6% verum.
		expect(f!.arms.map((a) => Math.round(1000 * a.rate) / 10)).toEqual([27.4, 44.2, 47.5]);
		// Real acupuncture is never shown below sham when the trial itself found it above.
		expect(f!.arms[2]!.rate).toBeGreaterThan(f!.arms[1]!.rate);
	});

	it('leave a group out when it was measured in other trials than the others', () => {
		// Drop GERAC's sham rows: sham responders then come from Carlsson only, which has no usual-care arm.
		const noGeracSham = {
			...data,
			trials: data.trials.filter((r) => !(r.study_id === 'haake2007' && r.arm === 'sham'))
		};
		const f = naturalFrequencies(buildAnalyses(noGeracSham, DEFAULT_SETTINGS), 'responder', 'chronic', [
			'intermediate'
		]);
		expect(f!.arms.map((a) => a.arm)).not.toContain('sham');
		expect(new Set(f!.arms.map((a) => a.trials.join(','))).size).toBe(1);
	});

	it('draws the groups of one picture with the numbers of the same trials', () => {
		const f = naturalFrequencies(analyses, 'responder', 'chronic', ['intermediate'])!;
		render(IconArray, {
			arms: f.arms.map((a) => ({ label: a.arm, rate: a.rate, lower: a.lower, upper: a.upper, arm: a.arm })),
			source: f.method
		});
		const text = screen.getByRole('figure').textContent ?? '';
		expect(text).toContain('usual_care: out of 100 people, about 27 improved');
		expect(text).toContain('sham: out of 100 people, about 44 improved');
		expect(text).toContain('acupuncture: out of 100 people, about 48 improved');
		expect(text).toContain('Every group comes from the same trial (Haake 2007)');
	});
});
