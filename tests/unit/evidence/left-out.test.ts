import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { leftOutRows } from '$lib/evidence/left-out';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';
import { arm } from './factory';

const { data } = loadFiles([]);
const analyses = buildAnalyses(data, DEFAULT_SETTINGS);

describe('leftOutRows (nothing drops silently)', () => {
	const all = leftOutRows(data, analyses);

	it('gives a reason for every row that no pooled result uses, and for no used row', () => {
		const used = new Set(
			analyses.flatMap((a) =>
				a.studies.filter((s) => !s.excluded).flatMap((s) => s.lines.map((l) => `${s.from}:${l}`))
			)
		);
		for (const r of all) {
			expect(r.reason.length, `${r.file}:${r.line}`).toBeGreaterThan(10);
			expect(used.has(`${r.file === 'trials.csv' ? 'arms' : 'contrast'}:${r.line}`)).toBe(false);
		}
		const total = data.trials.length + data.contrasts.length;
		const usedRows =
			data.trials.filter((r) => used.has(`arms:${r.line}`)).length +
			data.contrasts.filter((r) => used.has(`contrast:${r.line}`)).length;
		expect(all.length + usedRows).toBe(total);
	});

	it('tells apart rows of two files on the same line: an unused uploaded row is listed though the bundled line is used', () => {
		const used = analyses.flatMap((a) => a.studies).find((s) => !s.excluded && s.from === 'arms')!;
		const line = used.lines[0]!;
		// an uploaded one-arm trial (no comparison) whose row has the same physical line number in its own file
		const lone = arm({ study_id: 'lone2030', study: 'Lone 2030', arm: 'acupuncture', line });
		const both = { ...data, trials: [...data.trials, lone] };
		const rows = leftOutRows(both, buildAnalyses(both, DEFAULT_SETTINGS));
		expect(rows.filter((r) => r.study_id === 'lone2030')).toEqual([
			expect.objectContaining({ file: 'trials.csv', line, study: 'Lone 2030' })
		]);
		expect(rows.some((r) => r.file === 'trials.csv' && r.study_id === used.study_id && r.line === line)).toBe(
			false
		);
		expect(rows.length).toBe(all.length + 1);
	});

	it('names the reasons of the bundled data truthfully', () => {
		const sator = all.filter((r) => r.study === 'Sator-Katzenschlager 2004');
		expect(sator.map((r) => r.reason)).toEqual([
			expect.stringContaining('no other arm of a different type'),
			expect.stringContaining('no other arm of a different type')
		]);
		expect(all.find((r) => r.study === 'Thomas 2006' && r.outcome === 'adverse_events')!.reason).toMatch(
			/no events in either arm/
		);
	});

	it('stops at the limit, with the same first rows', () => {
		expect(leftOutRows(data, analyses, 3)).toEqual(all.slice(0, 3));
	});
});
