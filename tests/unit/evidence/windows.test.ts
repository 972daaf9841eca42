import { describe, expect, it } from 'vitest';
import { closestTimepoint, windowOf } from '$lib/evidence/windows';

describe('windowOf', () => {
	it.each([
		[0.003, 'immediate'],
		[0.999, 'immediate'],
		[1, 'short'],
		[8, 'short'],
		[13, 'short'],
		[13.5, 'intermediate'],
		[26, 'intermediate'],
		[51.9, 'intermediate'],
		[52, 'long'],
		[104, 'long']
	] as const)('week %d is %s', (w, id) => {
		expect(windowOf(w)).toBe(id);
	});
});

describe('closestTimepoint', () => {
	it('takes the timepoint nearest the target', () => {
		expect(closestTimepoint([2, 6, 13], 'short')).toBe(6);
		expect(closestTimepoint([13, 26, 52], 'intermediate')).toBe(26);
		expect(closestTimepoint([52, 104], 'long')).toBe(52);
	});
	it('breaks ties with the earlier timepoint', () => {
		expect(closestTimepoint([10, 6], 'short')).toBe(6);
	});
	it('ignores timepoints outside the window', () => {
		expect(closestTimepoint([26, 52], 'short')).toBeNull();
	});
});
