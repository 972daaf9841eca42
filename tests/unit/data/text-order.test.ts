import { describe, expect, it } from 'vitest';
import { textOrder } from '../../../src/lib/data/text-order';

describe('textOrder', () => {
	it('orders trial labels as the locale does, by code point', () => {
		const labels = ['Yuan 2009', 'Brinkhaus 2006', 'Haake 2007', 'Cherkin 2009', 'Brinkhaus 2005'];
		expect([...labels].sort(textOrder)).toEqual([
			'Brinkhaus 2005',
			'Brinkhaus 2006',
			'Cherkin 2009',
			'Haake 2007',
			'Yuan 2009'
		]);
		expect([...labels].sort(textOrder)).toEqual([...labels].sort((a, b) => a.localeCompare(b, 'en')));
	});

	it('is antisymmetric and zero only for equal texts', () => {
		expect(textOrder('a', 'b')).toBe(-1);
		expect(textOrder('b', 'a')).toBe(1);
		expect(textOrder('Kong 2020', 'Kong 2020')).toBe(0);
		expect(textOrder('Z', 'a')).toBe(-1); // code points: capitals first
	});
});
