import { describe, expect, it } from 'vitest';
import { STRING_CHUNK, TextPieces, textChunks } from '../../../src/lib/data/text-chunks';

describe('texts in pieces of STRING_CHUNK', () => {
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

describe('TextPieces', () => {
	it('puts each key’s pieces back together in the order they came, and forgets them once taken', () => {
		const got = new TextPieces();
		got.add('0:trials', ['a', 'b']);
		got.add('1:trials', ['x']);
		got.add('0:trials', ['c']);
		expect(got.take('0:trials')).toEqual(['a', 'b', 'c']);
		expect(got.take('0:trials')).toEqual([]);
		expect(got.take('1:trials')).toEqual(['x']);
		expect(got.take('2:trials')).toEqual([]);
	});
});
