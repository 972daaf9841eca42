/**
 * The evidence layer with extreme inputs (issue 16): one Egger-type test for the certainty table and the bias
 * panel, with the analysis's own estimator and test; effects the model cannot use are left out with the study
 * named; a model that fails leaves the analysis without a result and with a note.
 */
import { describe, expect, it } from 'vitest';
import { buildAnalyses } from '$lib/evidence/analyses';
import { biasChecks, eggerFor } from '$lib/evidence/sensitivity';
import { DEFAULT_SETTINGS, type Analysis, type AnalysisSettings } from '$lib/evidence/types';
import { rma, type Method, type TestType } from '$lib/stats';
import type { ArmRow } from '$lib/data/types';
import { analysisOf, study } from '../charts/studies';
import { expectClose, fixture } from '../stats/helpers';
import { trial } from './factory';

const build = (trials: ArmRow[], s: Partial<AnalysisSettings> = {}) =>
	buildAnalyses({ trials, contrasts: [] }, { ...DEFAULT_SETTINGS, ...s });
const SHORT = 'pain:chronic:acupuncture-vs-sham:short';
const find = (all: Analysis[]) => all.find((a) => a.id === SHORT)!;

/** A pooled analysis of yi, vi (contrast rows) with the given estimator and test. */
function analysis(yi: number[], vi: number[], method: Method = 'REML', test: TestType = 'z'): Analysis {
	const r = rma(yi, vi, { method, test });
	return analysisOf(
		yi.map((y, i) => study(`s${i}`, y, vi[i]!, r.weights[i]!)),
		r
	);
}

describe('eggerFor: the one Egger-type test (certainty table and bias panel)', () => {
	const bcg = fixture<{
		yi: number[];
		vi: number[];
		regtest: { options: { method: Method; test: TestType }; result: { p: number; statistic: number } }[];
	}>('bcg');
	it("uses the analysis's own estimator and test (metafor regtest(res) for every option)", () => {
		for (const { options, result } of bcg.regtest) {
			const e = eggerFor(analysis(bcg.yi, bcg.vi, options.method, options.test));
			if (!('result' in e)) throw new Error(`no result: ${e.reason}`);
			expectClose(e.result.p, result.p, `${options.method}/${options.test} p`);
			expectClose(e.result.statistic, result.statistic, `${options.method}/${options.test} statistic`);
		}
	});
	it('biasChecks shows the same test as eggerFor', () => {
		const a = analysis(bcg.yi, bcg.vi, 'DL', 'z');
		const e = eggerFor(a);
		expect('result' in e && biasChecks(a).regtest).toEqual('result' in e && e.result);
	});
	it('gives a plain reason, never a throw, when all trials have the same precision (12 identical trials)', () => {
		const yi = Array<number>(12).fill(-10);
		const vi = Array<number>(12).fill(16);
		const a = analysis(yi, vi);
		const e = eggerFor(a);
		expect(e).toEqual({
			reason: 'all trials have the same precision, so small-study bias cannot be tested'
		});
		const checks = biasChecks(a);
		expect(checks.regtest).toBeNull();
		expect(checks.notes.join(' ')).toMatch(/same precision, so small-study bias cannot be tested/);
	});
	it('gives a reason below 10 trials and without a pooled result', () => {
		const few = eggerFor(analysis([1, 2, 3], [1, 2, 3]));
		expect('reason' in few && few.reason).toMatch(/at least 10/);
		expect(eggerFor({ ...analysis([1, 2, 3], [1, 2, 3]), result: null })).toEqual({
			reason: 'there is no pooled result'
		});
	});
});

describe('buildAnalyses with values the model cannot use', () => {
	const good = trial('good2001', 'acupuncture', 'sham', -30, -20, { study: 'Good 2001' });
	it('leaves out a trial whose variance underflows to 0 (sd 1e-200), naming it, and pools the rest', () => {
		const a = find(
			build([
				...good,
				...trial('tiny2002', 'acupuncture', 'sham', -30, -20, { study: 'Tiny 2002', sd: 1e-200 })
			])
		);
		expect(a.result?.k).toBe(1);
		expect(a.notes.join(' ')).toMatch(/Tiny 2002 \(week 8\): left out, its sampling variance is 0/);
	});
	it('leaves out a trial whose effect overflows (means 1e308 and -1e308), naming it', () => {
		const a = find(
			build([...good, ...trial('big2002', 'acupuncture', 'sham', 1e308, -1e308, { study: 'Big 2002' })])
		);
		expect(a.result?.k).toBe(1);
		expect(a.notes.join(' ')).toMatch(/Big 2002 \(week 8\): left out, its effect is not a finite number/);
	});
	it('an SMD of two one-person arms is left out with a reason instead of stopping every analysis', () => {
		const rows = [...good, ...trial('one2002', 'acupuncture', 'sham', -3, -2, { study: 'One 2002', n: 1 })];
		const a = find(build(rows, { painMeasure: 'SMD' }));
		expect(a.result?.k).toBe(1);
		expect(a.notes.join(' ')).toMatch(/One 2002 \(week 8\): left out, SMD needs/);
	});
	it('a model that cannot be fitted leaves the analysis without a result and with a note naming trials', () => {
		const rows = [
			...trial('s1', 'acupuncture', 'sham', 5e299, -5e299, { study: 'Huge A' }),
			...trial('s2', 'acupuncture', 'sham', -5e299, 5e299, { study: 'Huge B' })
		];
		const a = find(build(rows, { method: 'FE' }));
		expect(a.result).toBeNull();
		expect(a.notes.join(' ')).toMatch(/^Not pooled: .*not finite.*Huge/);
	});
	it('REML falling back to PM says so in the analysis (tiny sd in both arms of one trial)', () => {
		const rows = [
			...trial('a2001', 'acupuncture', 'sham', -20, -10, { n: 50, sd: 20, study: 'Alpha 2001' }),
			...trial('b2002', 'acupuncture', 'sham', -20, -10, { n: 30, sd: 0.000001, study: 'Beta 2002' })
		];
		const r = find(build(rows)).result!;
		expect(r.method).toBe('PM');
		expect(r.notes.join(' ')).toMatch(/non-finite step.*PM used instead/);
	});
});
