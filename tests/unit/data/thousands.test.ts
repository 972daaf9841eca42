import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from '../../../src/lib/data/thousands';

describe('thousands', () => {
	it('groups digits in threes', () => {
		expect(thousands(0)).toBe('0');
		expect(thousands(999)).toBe('999');
		expect(thousands(1000)).toBe('1,000');
		expect(thousands(1234567)).toBe('1,234,567');
		expect(thousands(-1234)).toBe('-1,234');
		expect(thousands(100000)).toBe('100,000');
	});

	it("writes every safe integer as toLocaleString('en') does", () => {
		fc.assert(
			fc.property(fc.oneof(fc.maxSafeInteger(), fc.integer()), (n) => {
				expect(thousands(n)).toBe(n.toLocaleString('en'));
			})
		);
	});

	it('leaves what is not a safe integer to String()', () => {
		expect(thousands(1.5)).toBe('1.5');
		expect(thousands(Number.NaN)).toBe('NaN');
		expect(thousands(1e300)).toBe('1e+300');
	});
});
