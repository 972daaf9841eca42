import { describe, expect, it } from 'vitest';
import { MAX_TRIAL_ROWS, networkPerTrial } from '../../../src/lib/charts/limits';

describe('network per-trial work on the page', () => {
	it('is done up to MAX_TRIAL_ROWS trials and not one above', () => {
		expect(MAX_TRIAL_ROWS).toBe(300);
		expect(networkPerTrial(300)).toBe(true);
		expect(networkPerTrial(301)).toBe(false);
		expect(networkPerTrial(3)).toBe(true);
	});
});
