import { describe, expect, it } from 'vitest';
import { STRING_CHUNK, textChunks } from '../../../src/lib/data/persist';

describe('texts saved in records of STRING_CHUNK', () => {
	const texts = (n: number) => Array.from({ length: n }, (_, i) => `note ${i}`);

	it('cuts at the chunk size and keeps every text in order', () => {
		expect(textChunks([])).toEqual([]);
		expect(textChunks(texts(STRING_CHUNK)).map((c) => c.length)).toEqual([STRING_CHUNK]);
		const more = texts(2 * STRING_CHUNK + 1);
		const parts = textChunks(more);
		expect(parts.map((c) => c.length)).toEqual([STRING_CHUNK, STRING_CHUNK, 1]);
		expect(parts.flat()).toEqual(more);
	});

	it('takes another size', () => {
		expect(textChunks(['a', 'b', 'c'], 2)).toEqual([['a', 'b'], ['c']]);
	});
});
