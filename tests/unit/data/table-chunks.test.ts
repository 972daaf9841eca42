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
