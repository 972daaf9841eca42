import { describe, expect, it } from 'vitest';
import { CONTRAST_LAYOUT, TableBuilder, TRIAL_LAYOUT } from '$lib/data/table';

describe('TableBuilder chunks', () => {
	it('finish() gives every row written, in order, across chunks of growing size', () => {
		// 1024 + 2048 + ... + 65536 rows fill the growing chunks; more rows go to chunks of the largest size.
		for (const rows of [0, 1, 1024, 1025, 3072, 3073, 130_048, 200_001]) {
			const b = new TableBuilder(TRIAL_LAYOUT);
			for (let r = 0; r < rows; r++) {
				const i = b.next();
				const c = b.columns;
				c.line[i] = r + 2;
				c.n[i] = r / 4;
				c.arm[i] = r % 251;
				c.notes[i] = r * 7;
			}
			expect(b.length).toBe(rows);
			const out = b.finish();
			expect(out.line.length).toBe(rows);
			expect(out.n.length).toBe(rows);
			let bad = 0;
			for (let r = 0; r < rows; r++)
				if (out.line[r] !== r + 2 || out.n[r] !== r / 4 || out.arm[r] !== r % 251 || out.notes[r] !== r * 7)
					bad++;
			expect(bad).toBe(0);
			// Columns never written stay at their zero value.
			expect(out.year.every((v) => v === 0)).toBe(true);
		}
	});

	it('finish() returns columns of the layout with their own buffers', () => {
		const b = new TableBuilder(CONTRAST_LAYOUT, 4);
		for (let r = 0; r < 10; r++) {
			const i = b.next(); // before reading columns: it may start a new chunk
			b.columns.estimate[i] = r;
		}
		const out = b.finish();
		expect(Object.keys(out)).toEqual(Object.keys(CONTRAST_LAYOUT));
		expect(out.adjusted).toBeInstanceOf(Uint8Array);
		expect(Array.from(out.estimate)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
		expect(new Set(Object.values(out).map((c) => c.buffer)).size).toBe(Object.keys(out).length);
	});
});

describe('TableBuilder.reserve', () => {
	const fill = (b: TableBuilder<typeof TRIAL_LAYOUT>, rows: number) => {
		for (let r = 0; r < rows; r++) {
			const i = b.next();
			b.columns.line[i] = r + 2;
			b.columns.mean[i] = -r / 8;
		}
	};
	const check = (out: ReturnType<TableBuilder<typeof TRIAL_LAYOUT>['finish']>, rows: number) => {
		expect(out.line.length).toBe(rows);
		expect(out.mean.length).toBe(rows);
		let bad = 0;
		for (let r = 0; r < rows; r++) if (out.line[r] !== r + 2 || out.mean[r] !== -r / 8) bad++;
		expect(bad).toBe(0);
	};

	it('returns the rows without a copy when they fill most of the reserved chunk', () => {
		const b = new TableBuilder(TRIAL_LAYOUT);
		b.reserve(100_000);
		fill(b, 96_000);
		const out = b.finish();
		check(out, 96_000);
		// Views of the reserved chunk: the spare 4% stays in the buffer, untouched.
		expect(out.line.buffer.byteLength).toBe(100_000 * 4);
	});

	it('copies the rows into columns of their own when much of the reserved chunk is unused', () => {
		const b = new TableBuilder(TRIAL_LAYOUT);
		b.reserve(100_000);
		fill(b, 50_000);
		const out = b.finish();
		check(out, 50_000);
		expect(out.line.buffer.byteLength).toBe(50_000 * 4);
	});

	it('goes on in chunks past the reserved rows, and ignores a reservation once rows are written', () => {
		const b = new TableBuilder(TRIAL_LAYOUT);
		b.reserve(10_000);
		fill(b, 150_000);
		check(b.finish(), 150_000);
		const late = new TableBuilder(TRIAL_LAYOUT);
		fill(late, 10);
		late.reserve(1_000_000);
		fill(late, 5000 - 10);
		const out = late.finish();
		expect(out.line.length).toBe(5000);
		expect(out.line.buffer.byteLength).toBe(5000 * 4);
	});
});
