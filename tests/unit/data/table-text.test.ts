import { describe, expect, it } from 'vitest';
import { ingestText } from '$lib/data/ingest';
import { trialRows } from '$lib/data/rows';
import { TableBuilder, TRIAL_LAYOUT } from '$lib/data/table';
import { syntheticTrialsCsv } from '../../../bench/ingest';

describe('TableBuilder.text (free-text columns)', () => {
	it('keeps sharing the texts of a column that repeats them', () => {
		const b = new TableBuilder(TRIAL_LAYOUT);
		const ids = Array.from({ length: 5000 }, (_, i) => b.text(`note ${i % 3}`, 6));
		expect(b.strings.length).toBe(3);
		expect(ids.map((id) => b.strings[id])).toEqual(Array.from({ length: 5000 }, (_, i) => `note ${i % 3}`));
	});

	it('stores the texts of a column where they are distinct, each read back as written', () => {
		const b = new TableBuilder(TRIAL_LAYOUT);
		const texts = Array.from({ length: 5000 }, (_, i) => (i % 10 === 0 ? '' : `row ${i}: SD from the CI`));
		const ids = texts.map((t) => b.text(t, 6));
		expect(ids.map((id) => b.strings[id])).toEqual(texts);
		// The empty note is still shared: one entry however many empty rows.
		expect(b.strings.filter((s) => s === '').length).toBe(1);
	});

	it('gives every row of a file with a unique note per row its own note', () => {
		const csv = syntheticTrialsCsv(2000, true);
		const r = ingestText(csv, 'unique.csv');
		expect(r.errors).toBe(0);
		const notes = trialRows(r.trials!).map((row) => row.notes);
		// The notes as written in the CSV (quoted, "" for a quote), in file order.
		const written = csv
			.trim()
			.split('\n')
			.slice(1)
			// The note is the last quoted field (the course columns sessions and course_weeks follow it).
			.map((line) => /,"(row \d+:.*)",[^,"]*,[^,"]*$/.exec(line)![1]!.replaceAll('""', '"'));
		expect(notes).toEqual(written);
	});
});
