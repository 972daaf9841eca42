import { describe, expect, it } from 'vitest';
import { checkDuplicates } from '$lib/data/cross-checks';
import { ProblemSink } from '$lib/data/problems';
import {
	CONTRAST_LAYOUT,
	TableBuilder,
	TRIAL_LAYOUT,
	type ContrastTable,
	type TrialTable
} from '$lib/data/table';

/** Deterministic pseudo-random integers in [0, k). */
function rng(seed: number) {
	return (k: number) => {
		seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
		return Math.floor((seed / 2 ** 32) * k);
	};
}

/** Study ids in runs of consecutive rows; a study may come back in a later run. */
function studies(rows: number, rand: (k: number) => number): number[] {
	const out: number[] = [];
	while (out.length < rows) {
		const s = rand(12);
		for (let k = 1 + rand(9); k > 0 && out.length < rows; k--) out.push(s);
	}
	return out;
}

function trialTable(rows: number, seed: number): TrialTable {
	const rand = rng(seed);
	const b = new TableBuilder(TRIAL_LAYOUT);
	for (const s of studies(rows, rand)) {
		const i = b.next();
		const c = b.columns;
		c.line[i] = b.length + 1;
		c.study_id[i] = s;
		c.arm[i] = 1 + rand(3);
		c.arm_label[i] = 12 + rand(2);
		c.outcome[i] = 1 + rand(2);
		c.scale[i] = 14 + rand(2);
		c.measure[i] = rand(3);
		c.timepoint_weeks[i] = [8, 26, 0.5][rand(3)]!;
	}
	const strings = Array.from({ length: 16 }, (_, k) => `t${k}`);
	return { kind: 'trials', file: 't.csv', length: b.length, strings, columns: b.finish() };
}

function contrastTable(rows: number, seed: number): ContrastTable {
	const rand = rng(seed);
	const b = new TableBuilder(CONTRAST_LAYOUT);
	for (const s of studies(rows, rand)) {
		const i = b.next();
		const c = b.columns;
		c.line[i] = b.length + 1;
		c.study_id[i] = s;
		c.treatment[i] = 1;
		c.control[i] = 1 + rand(2);
		c.sham_type[i] = rand(2);
		c.outcome[i] = 1 + rand(2);
		c.scale[i] = 12;
		c.measure[i] = 1;
		c.adjusted[i] = rand(2);
		c.timepoint_weeks[i] = [8, 26][rand(2)]!;
		c.estimate[i] = rand(2) - 5;
		c.ci_lower[i] = -9;
		c.ci_upper[i] = rand(2);
	}
	const strings = Array.from({ length: 13 }, (_, k) => `c${k}`);
	return { kind: 'contrasts', file: 'c.csv', length: b.length, strings, columns: b.finish() };
}

/**
 * The duplicate findings by definition, without hashing: each row against the first earlier row whose key
 * columns are all equal (the key written out as text), in file order.
 */
function reference(t: TrialTable | ContrastTable): [number, string, number][] {
	const c = t.columns as unknown as Record<string, ArrayLike<number>>;
	const keys =
		t.kind === 'trials'
			? ['study_id', 'arm', 'arm_label', 'outcome', 'scale', 'measure', 'timepoint_weeks']
			: [
					'study_id',
					'treatment',
					'control',
					'sham_type',
					'outcome',
					'scale',
					'measure',
					'adjusted',
					'timepoint_weeks'
				];
	const values = t.kind === 'trials' ? [] : ['estimate', 'ci_lower', 'ci_upper'];
	const first = new Map<string, number>();
	const out: [number, string, number][] = [];
	for (let i = 0; i < t.length; i++) {
		const key = keys.map((k) => c[k]![i]).join('|');
		const j = first.get(key);
		if (j === undefined) first.set(key, i);
		else
			out.push([c.line![i]!, values.every((k) => c[k]![i] === c[k]![j]) ? 'error' : 'warning', c.line![j]!]);
	}
	return out;
}

describe('checkDuplicates', () => {
	for (const [kind, make] of [
		['trials', trialTable],
		['contrasts', contrastTable]
	] as const) {
		it(`finds exactly the rows whose key an earlier row has, against that first row (${kind})`, () => {
			let found = 0;
			for (let seed = 1; seed <= 40; seed++) {
				const t = make(20 + seed * 7, seed);
				const sink = new ProblemSink(t.file, 1e9);
				checkDuplicates(t, sink);
				const got = sink.list.map((p) => [p.row, p.severity, Number(/line (\d+)/.exec(p.message)![1])]);
				const want = reference(t);
				expect(got).toEqual(want);
				found += want.length;
			}
			// The generated tables do have duplicates, within runs and across runs of a study.
			expect(found).toBeGreaterThan(100);
		});
	}
});
