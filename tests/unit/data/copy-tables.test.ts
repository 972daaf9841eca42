import { describe, expect, it } from 'vitest';
import { ingestText } from '$lib/data/ingest';
import { COPY_STEP_BYTES, copyTables, type AnyTable } from '$lib/data/table';
import { trials } from './helpers';

/** A table whose columns have these byte lengths (only the copy is exercised). */
const sized = (...bytes: number[]) =>
	({
		kind: 'trials',
		file: 'x.csv',
		length: 0,
		strings: [],
		columns: Object.fromEntries(bytes.map((b, i) => [`c${i}`, new Uint8Array(b).fill(i + 1)]))
	}) as unknown as AnyTable;

describe('copyTables (new data for the analysis worker)', () => {
	it('copies every column into its own buffer and keeps everything else', async () => {
		const table = ingestText(trials([{ study_id: 'a2020' }, { study_id: 'b2021' }]), 'mine.csv').trials!;
		const [copy] = await copyTables([table], async () => {});
		expect(copy).toEqual(table);
		for (const [name, col] of Object.entries(table.columns))
			expect((copy!.columns as Record<string, { buffer: ArrayBufferLike }>)[name]!.buffer).not.toBe(
				col.buffer
			);
	});

	it(`pauses after each ${COPY_STEP_BYTES} bytes copied, never within a smaller run`, async () => {
		const pauses = async (...tables: AnyTable[]) => {
			let n = 0;
			await copyTables(tables, async () => void n++);
			return n;
		};
		expect(await pauses(sized(COPY_STEP_BYTES - 1))).toBe(0);
		expect(await pauses(sized(COPY_STEP_BYTES))).toBe(1);
		expect(await pauses(sized(COPY_STEP_BYTES - 1, 1, COPY_STEP_BYTES - 1))).toBe(1);
		// the count runs on across tables
		expect(await pauses(sized(COPY_STEP_BYTES - 1), sized(1))).toBe(1);
	});
});
