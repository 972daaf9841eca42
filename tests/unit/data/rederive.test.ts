import { describe, expect, it } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';

/**
 * The bundled arm rows reproduce the between-group differences the same publications report (contrasts.csv),
 * to the published rounding: a difference of two means printed to one decimal can be off by 0.1; a difference of
 * proportions rebuilt from events = round(pct x n) by 0.5/n per arm, plus the rounding of the published figure.
 */
const { data, errors } = loadFiles([]);

// Covariate-adjusted differences (e.g. ANCOVA) cannot be rebuilt from raw arm means, so they are not checked.
const pairs = data.contrasts
	.filter((c) => !c.adjusted)
	.flatMap((c) => {
		const arms = (arm: string) =>
			data.trials.filter(
				(r) =>
					r.study_id === c.study_id &&
					r.arm === arm &&
					r.outcome === c.outcome &&
					r.scale === c.scale &&
					r.timepoint_weeks === c.timepoint_weeks
			);
		const t = arms(c.treatment);
		const k = arms(c.control);
		if (t.length !== 1 || k.length !== 1) return [];
		return [{ c, t: t[0]!, k: k[0]! }];
	});

describe('published differences re-derived from the arm rows', () => {
	it('loads the bundled data without errors and finds at least four pairs to check', () => {
		expect(errors).toEqual([]);
		expect(pairs.length).toBeGreaterThanOrEqual(4);
	});

	it.each(
		pairs.map((p) => [
			`${p.c.study} ${p.c.treatment} vs ${p.c.control} (${p.c.measure}, line ${p.c.line})`,
			p
		])
	)('%s', (_, { c, t, k }) => {
		if (c.measure === 'MD') {
			const rows = [t, k].filter((r) => r.measure === 'change' || r.measure === 'final');
			expect(rows).toHaveLength(2);
			expect(Math.abs(t.mean! - k.mean! - c.estimate)).toBeLessThanOrEqual(0.1 + 1e-9);
		} else if (c.measure === 'RD') {
			const d = t.events! / t.n - k.events! / k.n;
			expect(Math.abs(d - c.estimate)).toBeLessThanOrEqual(0.5 / t.n + 0.5 / k.n + 0.0005);
		} else throw new Error(`no re-derivation rule for ${c.measure}`);
	});
});
