import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, createIngest, ingestText, type IngestResult } from '$lib/data/ingest';
import { ingestBlob } from '$lib/data/read-blob';
import { syntheticTrialsCsv } from '../../../bench/ingest';

/** Everything a result holds, typed columns as plain arrays. */
const plain = (r: IngestResult) => ({
	...r,
	trials: r.trials && {
		...r.trials,
		columns: Object.fromEntries(Object.entries(r.trials.columns).map(([k, c]) => [k, Array.from(c)]))
	},
	studies: { ids: Array.from(r.studies.ids), lines: Array.from(r.studies.lines) }
});

describe('columns sized from the expected size of the file', () => {
	// 40,000 rows with a unique note each, a few rows broken (an unknown arm, a negative n).
	const csv = syntheticTrialsCsv(40_000, true)
		.replace(/,acupuncture,"verum/g, (m, at: number) => (at % 97 === 0 ? ',acupunctre,"verum' : m))
		.replace(/,8,(\d+),/, ',8,-$1,');

	it('give the same result as columns grown without a size', async () => {
		const unsized = createIngest('t.csv');
		for (let at = 0; at < csv.length; at += CHUNK_CHARS) unsized.push(csv.slice(at, at + CHUNK_CHARS));
		const want = plain(unsized.end());
		expect(want.errors).toBeGreaterThan(1);
		expect(want.trials!.length).toBeGreaterThan(39_000);
		expect(plain(ingestText(csv, 't.csv'))).toEqual(want);
		// A size far off (too small, too large) changes nothing either.
		for (const expectedChars of [1000, csv.length * 3])
			expect(plain(ingestText(csv, 't.csv', { expectedChars }))).toEqual(want);
		const blob = await ingestBlob(new Blob([csv]), 't.csv', () => {}, { chunkBytes: 65_536 });
		expect(plain(blob)).toEqual(want);
	});
});
