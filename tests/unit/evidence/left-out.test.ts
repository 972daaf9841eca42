import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { buildAnalyses } from '$lib/evidence/analyses';
import { leftOutRows } from '$lib/evidence/left-out';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';

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
