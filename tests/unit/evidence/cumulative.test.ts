import { describe, expect, it } from 'vitest';
import { buildAnalyses } from '$lib/evidence/analyses';
import { cumulativeSteps } from '$lib/evidence/cumulative';
import { DEFAULT_SETTINGS, type Analysis, type AnalysisSettings } from '$lib/evidence/types';
import { rma } from '$lib/stats';
import type { ArmRow } from '$lib/data/types';
import { expectCloseDeep, fixture, listSummary, type DatasetFixture } from '../stats/helpers';
import { study } from '../charts/studies';
import { trial } from './factory';

const ID = 'pain:chronic:acupuncture-vs-sham:short';

/** Four acupuncture-vs-sham trials, listed out of year order, with different effects and precisions. */
function rows(): ArmRow[] {
	return [
		...trial('d2015', 'acupuncture', 'sham', -30, -18, { year: 2015, n: 60, sd: 22 }),
		...trial('a2004', 'acupuncture', 'sham', -25, -24, { year: 2004, n: 150, sd: 18 }),
		...trial('c2010', 'acupuncture', 'sham', -28, -12, { year: 2010, n: 40, sd: 25 }),
		...trial('b2007', 'acupuncture', 'sham', -20, -17, { year: 2007, n: 300, sd: 20 })
	];
}

function analysis(s: Partial<AnalysisSettings> = {}): Analysis {
	const a = buildAnalyses({ trials: rows(), contrasts: [] }, { ...DEFAULT_SETTINGS, ...s }).find(
		(x) => x.id === ID
	);
	if (!a) throw new Error(`no analysis ${ID}`);
	return a;
}

/** The included studies in year order, chosen here independently of the code under test. */
const byYear = (a: Analysis) => a.studies.filter((s) => !s.excluded).sort((x, y) => x.year - y.year);

describe('cumulativeSteps', () => {
	it('gives one step per included study, adding them in year order', () => {
		const steps = cumulativeSteps(analysis());
		expect(steps).toHaveLength(4);
		expect(steps.map((a) => a.studies.map((s) => s.study_id))).toEqual([
			['a2004'],
			['a2004', 'b2007'],
			['a2004', 'b2007', 'c2010'],
			['a2004', 'b2007', 'c2010', 'd2015']
		]);
	});

	it('refits step j with rma over the first j studies and takes each weight from that fit', () => {
		const full = analysis();
		const ordered = byYear(full);
		const steps = cumulativeSteps(full);
		steps.forEach((step, i) => {
			const first = ordered.slice(0, i + 1);
			const ref = rma(
				first.map((s) => s.yi),
				first.map((s) => s.vi)
			);
			expect(step.result!.k).toBe(i + 1);
			expect(step.result!.estimate).toBeCloseTo(ref.estimate, 12);
			expect(step.result!.ci.lower).toBeCloseTo(ref.ci.lower, 12);
			expect(step.result!.tau2).toBeCloseTo(ref.tau2, 12);
			expect(step.studies.map((s) => s.weight)).toEqual(ref.weights);
		});
		expect(steps[0]!.studies[0]!.weight).toBe(100);
		expect(steps[1]!.result!.estimate).not.toBeCloseTo(steps[3]!.result!.estimate, 3);
	});

	it('ends with the full analysis', () => {
		const full = analysis();
		const steps = cumulativeSteps(full);
		expect(steps.at(-1)).toEqual(full);
	});

	it('keeps the estimator, the test and the level of the full result', () => {
		const full = analysis({ method: 'DL', test: 'knha' });
		const steps = cumulativeSteps(full);
		const first3 = byYear(full).slice(0, 3);
		const ref = rma(
			first3.map((s) => s.yi),
			first3.map((s) => s.vi),
			{ method: 'DL', test: 'knha' }
		);
		expect(steps[2]!.result!.method).toBe('DL');
		expect(steps[2]!.result!.test).toBe('knha');
		expect(steps[2]!.result!.ci.upper).toBeCloseTo(ref.ci.upper, 12);
		expect(steps[2]!.result!.ci.upper).not.toBeCloseTo(
			rma(
				first3.map((s) => s.yi),
				first3.map((s) => s.vi)
			).ci.upper,
			6
		);
		expect(steps.at(-1)!.result).toEqual(full.result);
	});

	it('leaves out excluded studies and still ends with the full pooled result', () => {
		const full = analysis({ excluded: ['b2007'] });
		const steps = cumulativeSteps(full);
		expect(steps).toHaveLength(3);
		expect(steps.flatMap((a) => a.studies.map((s) => s.study_id))).not.toContain('b2007');
		expect(steps.at(-1)!.result).toEqual(full.result);
		expect(steps.at(-1)!.studies).toEqual(full.studies.filter((s) => !s.excluded));
	});

	it('keeps the given order for studies of the same year (a stable sort)', () => {
		const base = analysis();
		const tied: Analysis = {
			...base,
			studies: [
				study('late', -5, 10, 30, { year: 2012 }),
				study('z', -10, 4, 40, { year: 2001 }),
				study('y', 0, 8, 30, { year: 2001 })
			]
		};
		tied.result = rma([-5, -10, 0], [10, 4, 8]);
		expect(cumulativeSteps(tied).map((a) => a.studies.at(-1)!.study_id)).toEqual(['z', 'y', 'late']);
	});

	it('has no steps when nothing is pooled', () => {
		const none = analysis({ excluded: ['a2004', 'b2007', 'c2010', 'd2015'] });
		expect(none.result).toBeNull();
		expect(cumulativeSteps(none)).toEqual([]);
	});
});

describe('cumulativeSteps against metafor cumul() (BCG trials, tests/reference/stats.R)', () => {
	const f = fixture<DatasetFixture>('bcg');
	for (const c of f.cumul ?? []) {
		it(`matches cumul(res, order = year), ${c.options.method} ${c.options.test}`, () => {
			const studies = f.yi.map((yi, i) => study(`s${i}`, yi, f.vi[i]!, null, { year: c.order[i]! }));
			const full: Analysis = {
				...analysis(),
				measure: 'RR',
				studies,
				result: rma(f.yi, f.vi, c.options)
			};
			const steps = cumulativeSteps(full).map((a) => listSummary(a.result!));
			expectCloseDeep(steps, c.result, 'cumulativeSteps');
		});
	}
});
