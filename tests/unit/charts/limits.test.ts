import { describe, expect, it } from 'vitest';
import { MAX_TRIAL_ROWS, networkPerTrial, tooManyRows } from '../../../src/lib/charts/limits';
import { analysisOf, study } from './studies';

describe('network per-trial work on the page', () => {
	it('is done up to MAX_TRIAL_ROWS trials and not one above', () => {
		expect(MAX_TRIAL_ROWS).toBe(300);
		expect(networkPerTrial(300)).toBe(true);
		expect(networkPerTrial(301)).toBe(false);
		expect(networkPerTrial(3)).toBe(true);
	});
});

describe('tooManyRows (instead of a forest plot)', () => {
	const withStudies = (k: number) =>
		analysisOf([study('a', -5, 4, 50)], null, {
			summary: {
				studies: k,
				excluded: 0,
				leftOut: 0,
				participants: 0,
				controlName: 'sham acupuncture',
				controlRisk: null,
				usualCareControls: false
			}
		});

	it('draws the plot up to MAX_TRIAL_ROWS trials and says why not one above, with the true count', () => {
		expect(tooManyRows(withStudies(300))).toBeNull();
		const text = tooManyRows(withStudies(2100))!;
		expect(text).toMatch(
			/: 2,100 trials, too many to draw one row each \(the forest plot draws up to 300\)\.$/
		);
		expect(tooManyRows(withStudies(301), 'add one at a time')).toMatch(
			/301 trials, too many to add one at a time/
		);
	});
});
