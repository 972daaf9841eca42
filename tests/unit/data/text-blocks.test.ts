import { describe, expect, it } from 'vitest';
import { ingestText } from '$lib/data/ingest';
import { trialRows } from '$lib/data/rows';
import { TableBuilder, TRIAL_LAYOUT } from '$lib/data/table';
import { BLOCK_CHARS, TextBlocks } from '$lib/data/text-blocks';
import { TRIAL_COLUMNS } from '$lib/data/schema';

describe('TextBlocks (free texts copied in blocks)', () => {
	it('replaces every gathered text by an equal one, over several blocks and a last partial one', () => {
		const texts = Array.from({ length: 9000 }, (_, i) => `note ${i}: ${'x'.repeat(i % 61)}, "q" é ±`);
		expect(texts.join('').length).toBeGreaterThan(3 * BLOCK_CHARS);
		const strings = ['', ...texts];
		const blocks = new TextBlocks();
		texts.forEach((t, k) => blocks.add(strings, k + 1, t));
		blocks.flush(strings);
		expect(strings).toEqual(['', ...texts]);
	});

	it('copies a lone text and a text longer than a block', () => {
		const long = 'y'.repeat(BLOCK_CHARS + 5);
		const strings = ['a note on its own', long];
		const blocks = new TextBlocks();
		blocks.add(strings, 0, strings[0]!);
		blocks.flush(strings);
		blocks.add(strings, 1, long);
		expect(strings).toEqual(['a note on its own', long]);
		// Flushing again with nothing gathered changes nothing.
		blocks.flush(strings);
		expect(strings[1]).toBe(long);
	});

	it('leaves entries it was not given alone, whatever the order of ids', () => {
		const strings = ['s0', 'first note', 's2', 'second note', 's4'];
		const blocks = new TextBlocks();
		blocks.add(strings, 3, 'second note');
		blocks.add(strings, 1, 'first note');
		blocks.flush(strings);
		expect(strings).toEqual(['s0', 'first note', 's2', 'second note', 's4']);
	});
});

describe('distinct notes read back exactly', () => {
	const header = TRIAL_COLUMNS.map((c) => c.name).join(',');
	/** A valid trials.csv row (acupuncture arm, pain, timepoint i) with the given notes field as written. */
	const row = (i: number, notes: string) =>
		`s${i % 7},Study ${i % 7},2001,chronic,acupuncture,verum,,,pain,VAS_0_100,lower_better,${i},40,-10.5,12.1,change,,low,pmid:${1000 + (i % 7)},Table 2,${notes},10,8`;

	it('keeps quoted notes with "", commas and line breaks, and CRLF files, over more than a block of notes', () => {
		const rows = 10_000;
		const written = Array.from({ length: rows }, (_, i) =>
			i % 5 === 0
				? `"row ${i}: SD from the 95% CI (1.2, 3.4), ""Table ${i % 9}"""`
				: i % 5 === 1
					? `"row ${i}: two lines,\r\nthe second ""quoted"""`
					: i % 5 === 2
						? `plain unquoted note of row ${i}`
						: i % 5 === 3
							? ''
							: `"row ${i}: naïve ± 2 — χ²"`
		);
		const expected = written.map((w) => (w.startsWith('"') ? w.slice(1, -1).replaceAll('""', '"') : w));
		expect(expected.join('').length).toBeGreaterThan(2 * BLOCK_CHARS);
		for (const eol of ['\n', '\r\n']) {
			const csv = [header, ...written.map((w, i) => row(i, w))].join(eol) + eol;
			const r = ingestText(csv, 'notes.csv');
			expect(r.errors).toBe(0);
			const notes = trialRows(r.trials!).map((x) => x.notes);
			// A line break inside quotes is kept as written (CRLF stays CRLF there).
			expect(notes).toEqual(expected);
			expect(r.trials!.columns.line[rows - 1]).toBe(rows + 1 + rows / 5);
		}
	});

	it('stores the same notes whether the builder interns them or copies them in blocks', () => {
		const b = new TableBuilder(TRIAL_LAYOUT);
		const texts = Array.from({ length: 3000 }, (_, i) => (i % 4 === 0 ? '' : `row ${i}: a distinct note`));
		const ids = texts.map((t) => b.text(t, 6));
		b.finish();
		expect(ids.map((id) => b.strings[id])).toEqual(texts);
	});
});
