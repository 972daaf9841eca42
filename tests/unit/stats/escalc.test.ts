import { describe, expect, it } from 'vitest';
import {
	combineBinaryArms,
	combineContinuousArms,
	correctedTable,
	effectFromCI,
	escalcMD,
	escalcOR,
	escalcRD,
	escalcRR,
	escalcSMD,
	hedgesCorrection,
	rma,
	type Effect
} from '$lib/stats';
import { expectClose, expectCloseDeep, fixture } from './helpers';

interface Arms {
	m1i: number[];
	sd1i: number[];
	n1i: number[];
	m2i: number[];
	sd2i: number[];
	n2i: number[];
}
interface EsFixture {
	data: Arms;
	yi: number[];
	vi: number[];
}
interface Binary {
	ai: number[];
	n1i: number[];
	ci: number[];
	n2i: number[];
}
type Measure = 'RR' | 'OR' | 'RD';
const binaryFns = { RR: escalcRR, OR: escalcOR, RD: escalcRD };

function expectEffects(actual: Effect[], yi: number[], vi: number[], label: string) {
	expect(actual.length).toBe(yi.length);
	actual.forEach((e, i) => {
		expectClose(e.yi, yi[i], `${label}[${i}].yi`);
		expectClose(e.vi, vi[i], `${label}[${i}].vi`);
	});
}

const arms = (d: Arms, i: number) => ({
	m1i: d.m1i[i]!,
	sd1i: d.sd1i[i]!,
	n1i: d.n1i[i]!,
	m2i: d.m2i[i]!,
	sd2i: d.sd2i[i]!,
	n2i: d.n2i[i]!
});

describe('continuous effect sizes match metafor escalc()', () => {
	it('MD on dat.normand1999', () => {
		const f = fixture<EsFixture>('normand1999-md');
		expectEffects(
			f.data.n1i.map((_, i) => escalcMD(arms(f.data, i))),
			f.yi,
			f.vi,
			'MD'
		);
	});
	it('SMD (Hedges g, exact correction, vtype LS) on dat.normand1999', () => {
		const f = fixture<EsFixture>('normand1999-smd');
		expectEffects(
			f.data.n1i.map((_, i) => escalcSMD(arms(f.data, i))),
			f.yi,
			f.vi,
			'SMD'
		);
	});
	it('exact correction approaches 1 - 3/(4m - 1) for large m and is undefined for m <= 1', () => {
		expect(hedgesCorrection(200)).toBeCloseTo(1 - 3 / (4 * 200 - 1), 5);
		expect(hedgesCorrection(1)).toBeNaN();
		expect(() => escalcSMD({ m1i: 1, sd1i: 1, n1i: 2, m2i: 0, sd2i: 1, n2i: 1 })).toThrow(RangeError);
	});
	it('rejects negative SDs and empty groups', () => {
		expect(() => escalcMD({ m1i: 1, sd1i: -1, n1i: 5, m2i: 0, sd2i: 1, n2i: 5 })).toThrow(RangeError);
		expect(() => escalcMD({ m1i: 1, sd1i: 1, n1i: 0, m2i: 0, sd2i: 1, n2i: 5 })).toThrow(RangeError);
	});
});

describe('binary effect sizes match metafor escalc() (add = 1/2, to = "only0")', () => {
	const bcg = fixture<{ data: Binary; escalc: Record<Measure, { yi: number[]; vi: number[] }> }>('bcg');
	const zero = fixture<{ data: Binary } & Record<Measure, { yi: number[]; vi: number[] }>>('zero-cells');
	const rows = (d: Binary) =>
		d.ai.map((_, i) => ({ ai: d.ai[i]!, n1i: d.n1i[i]!, ci: d.ci[i]!, n2i: d.n2i[i]! }));
	for (const m of ['RR', 'OR', 'RD'] as const) {
		it(`${m} on dat.bcg`, () => {
			expectEffects(rows(bcg.data).map(binaryFns[m]), bcg.escalc[m].yi, bcg.escalc[m].vi, m);
		});
		it(`${m} with zero cells, a double zero and all events`, () => {
			expectEffects(rows(zero.data).map(binaryFns[m]), zero[m].yi, zero[m].vi, m);
		});
	}
	it('adds 1/2 only to studies with a zero cell', () => {
		expect(correctedTable({ ai: 0, n1i: 10, ci: 2, n2i: 12 })).toEqual({
			ai: 0.5,
			bi: 10.5,
			ci: 2.5,
			di: 10.5
		});
		expect(correctedTable({ ai: 10, n1i: 10, ci: 2, n2i: 12 })).toEqual({
			ai: 10.5,
			bi: 0.5,
			ci: 2.5,
			di: 10.5
		});
		expect(correctedTable({ ai: 1, n1i: 10, ci: 2, n2i: 12 })).toEqual({ ai: 1, bi: 9, ci: 2, di: 10 });
		expect(() => correctedTable({ ai: 11, n1i: 10, ci: 2, n2i: 12 })).toThrow(RangeError);
	});
});

describe('effect from a reported estimate and CI', () => {
	interface Rows {
		estimate: number[];
		lower: number[];
		upper: number[];
		ratio: boolean[];
		level: number[];
	}
	const f = fixture<{
		rows: Rows;
		yi: number[];
		vi: number[];
		pooled_95_ratios: { rows: number[]; result: unknown };
	}>('from-ci');
	const effects = f.rows.estimate.map((estimate, i) =>
		effectFromCI({
			estimate,
			lower: f.rows.lower[i]!,
			upper: f.rows.upper[i]!,
			ratio: f.rows.ratio[i]!,
			level: f.rows.level[i]!
		})
	);
	it('yi = estimate (log for ratios), vi = ((hi - lo) / (2 qnorm(1 - alpha/2)))^2', () => {
		expectEffects(effects, f.yi, f.vi, 'fromCI');
	});
	it('pools like metafor rma(yi, sei = ...)', () => {
		const sel = f.pooled_95_ratios.rows.map((i) => effects[i]!);
		const r = rma(
			sel.map((e) => e.yi),
			sel.map((e) => e.vi)
		);
		expectCloseDeep(r, f.pooled_95_ratios.result, 'pooled');
	});
	it('rejects reversed limits, estimates outside the CI and non-positive ratio limits', () => {
		expect(() => effectFromCI({ estimate: 1, lower: 2, upper: 0.5, ratio: true })).toThrow(RangeError);
		expect(() => effectFromCI({ estimate: 3, lower: 1, upper: 2, ratio: false })).toThrow(RangeError);
		expect(() => effectFromCI({ estimate: 1, lower: 0, upper: 2, ratio: true })).toThrow(RangeError);
	});
});

describe('combining two arms (Cochrane Handbook Table 6.5.a)', () => {
	interface Arm {
		n: number;
		mean: number;
		sd: number;
	}
	const f = fixture<{ cases: { a: Arm; b: Arm; pooled: Arm }[] }>('combine-arms');
	it('equals the mean and SD of the pooled raw observations (computed in R)', () => {
		f.cases.forEach((c, i) => {
			const r = combineContinuousArms(c.a, c.b);
			expect(r.n).toBe(c.pooled.n);
			expectClose(r.mean, c.pooled.mean, `case ${i} mean`);
			expectClose(r.sd, c.pooled.sd, `case ${i} sd`);
		});
	});
	it('is symmetric and sums binary arms', () => {
		const a = { n: 10, mean: 5, sd: 2 };
		const b = { n: 20, mean: 8, sd: 3 };
		expect(combineContinuousArms(a, b).sd).toBeCloseTo(combineContinuousArms(b, a).sd, 14);
		expect(combineBinaryArms({ n: 50, events: 10 }, { n: 40, events: 12 })).toEqual({ n: 90, events: 22 });
		expect(() => combineBinaryArms({ n: 5, events: 6 }, { n: 4, events: 1 })).toThrow(RangeError);
	});
});
