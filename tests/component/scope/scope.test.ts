import { describe, expect, it } from 'vitest';
import {
	namesText,
	NAMES_SHOWN,
	SORTED_UP_TO,
	trialCountText,
	trialsInData,
	type TrialListing
} from '$lib/components/scope/scope';

const trial = (i: number, population = 'chronic'): TrialListing => ({
	id: `t${i}`,
	label: `Trial ${String(i).padStart(6, '0')}`,
	population
});
const row = (t: TrialListing) => ({ study_id: t.id, study: t.label, population: t.population });

describe('scope statement lists', () => {
	it('names every trial of a short list, and counts the rest past NAMES_SHOWN', () => {
		const list = Array.from({ length: NAMES_SHOWN }, (_, i) => trial(i));
		expect(namesText(list)).toBe(list.map((t) => t.label).join(', '));
		const long = [...list, trial(NAMES_SHOWN), trial(NAMES_SHOWN + 1)];
		expect(namesText(long)).toBe(`${list.map((t) => t.label).join(', ')} and 2 more`);
		expect(namesText(Array.from({ length: NAMES_SHOWN + 1234 }, (_, i) => trial(i)))).toMatch(
			/ and 1,234 more$/
		);
	});

	it('sorts by name up to SORTED_UP_TO trials and keeps the files’ order above it', () => {
		const backwards = (n: number) => Array.from({ length: n }, (_, i) => trial(n - i));
		const small = trialsInData({ trials: backwards(SORTED_UP_TO).map(row) as never, contrasts: [] });
		expect(small[0]!.label).toBe('Trial 000001');
		const large = trialsInData({ trials: backwards(SORTED_UP_TO + 1).map(row) as never, contrasts: [] });
		expect(large[0]!.label).toBe(`Trial ${String(SORTED_UP_TO + 1).padStart(6, '0')}`);
		expect(large).toHaveLength(SORTED_UP_TO + 1);
	});

	it('counts with thousands separators', () => {
		const list = [
			...Array.from({ length: 1200 }, (_, i) => trial(i)),
			...Array.from({ length: 3 }, (_, i) => trial(5000 + i, 'acute'))
		];
		expect(trialCountText(list)).toBe('1,203 trials (1,200 chronic, 3 acute)');
	});
});
