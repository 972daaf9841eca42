/**
 * Values printed in publications, asserted to their printed precision. Inputs come from the fixtures (raw BCG
 * counts and Normand's arm summaries as shipped with metafor) or are typed from the paper (Viechtbauer 2005).
 */
import { describe, expect, it } from 'vitest';
import { confint, escalcMD, escalcOR, escalcRD, escalcRR, rma, type BinaryArms } from '$lib/stats';
import { fixture } from './helpers';

interface Binary {
	ai: number[];
	n1i: number[];
	ci: number[];
	n2i: number[];
}
const bcg = fixture<{ data: Binary }>('bcg').data;
const tables: BinaryArms[] = bcg.ai.map((_, i) => ({
	ai: bcg.ai[i]!,
	n1i: bcg.n1i[i]!,
	ci: bcg.ci[i]!,
	n2i: bcg.n2i[i]!
}));
const effects = (f: (t: BinaryArms) => { yi: number; vi: number }) => {
	const es = tables.map(f);
	return [es.map((e) => e.yi), es.map((e) => e.vi)] as const;
};
/** toBeCloseTo(x, d) checks |a - x| < 10^-d / 2, i.e. agreement to the printed d decimals. */
const printed = (a: number, x: number, d: number) => expect(a).toBeCloseTo(x, d);

describe('BCG vaccine trials: Viechtbauer (2010), J Stat Softw 36(3), REML random-effects output', () => {
	const [yi, vi] = effects(escalcRR);
	const r = rma(yi, vi);
	it('tau2 0.3132 (SE 0.1664), I2 92.22%, H2 12.86, Q(df = 12) = 152.2330', () => {
		printed(r.tau2, 0.3132, 4);
		printed(r.tau2_se!, 0.1664, 4);
		printed(r.i2, 92.22, 2);
		printed(r.h2, 12.86, 2);
		printed(r.q, 152.233, 4);
		expect(r.q_df).toBe(12);
	});
	it('estimate -0.7145, se 0.1798, z -3.9744, CI -1.0669 to -0.3622; exp PI 0.1546 to 1.5490', () => {
		printed(r.estimate, -0.7145, 4);
		printed(r.se, 0.1798, 4);
		printed(r.statistic, -3.9744, 4);
		printed(r.ci.lower, -1.0669, 4);
		printed(r.ci.upper, -0.3622, 4);
		printed(Math.exp(r.pi.lower), 0.1546, 4);
		printed(Math.exp(r.pi.upper), 1.549, 4);
	});
	it('Q-profile CI: tau2 0.1197 to 1.1115, I2 81.92 to 97.68, H2 5.53 to 43.07', () => {
		const c = confint(yi, vi);
		printed(c.tau2.ci.lower, 0.1197, 4);
		printed(c.tau2.ci.upper, 1.1115, 4);
		printed(c.i2.ci.lower, 81.92, 2);
		printed(c.i2.ci.upper, 97.68, 2);
		printed(c.h2.ci.lower, 5.53, 2);
		printed(c.h2.ci.upper, 43.07, 2);
	});
});

describe('BCG vaccine trials: Stata metan (fixedi / randomi), as recorded in metafor tests', () => {
	const cases = [
		{
			name: 'log RR',
			f: escalcRR,
			fe: [-0.4303, -0.5097, -0.3509, -10.6247, 152.233],
			dl: [-0.7141, -1.0644, -0.3638, -3.9952, 0.3088, 92.1173]
		},
		{
			name: 'log OR',
			f: escalcOR,
			fe: [-0.4361, -0.519, -0.3533, -10.319, 163.1649],
			dl: [-0.7474, -1.1242, -0.3706, -3.8873, 0.3663, 92.6455]
		},
		{
			name: 'RD',
			f: escalcRD,
			fe: [-0.0009, -0.0014, -0.0005, -4.0448, 276.4737],
			dl: [-0.0071, -0.0101, -0.004, -4.5128, 0, 95.6596]
		}
	];
	for (const c of cases) {
		it(`${c.name}: common effect and DerSimonian-Laird`, () => {
			const [yi, vi] = effects(c.f);
			const fe = rma(yi, vi, { method: 'FE' });
			const [e, lo, hi, z, q] = c.fe as [number, number, number, number, number];
			printed(fe.estimate, e, 4);
			printed(fe.ci.lower, lo, 4);
			printed(fe.ci.upper, hi, 4);
			printed(fe.statistic, z, 4);
			printed(fe.q, q, 4);
			const dl = rma(yi, vi, { method: 'DL' });
			const [de, dlo, dhi, dz, t2, i2] = c.dl as [number, number, number, number, number, number];
			printed(dl.estimate, de, 4);
			printed(dl.ci.lower, dlo, 4);
			printed(dl.ci.upper, dhi, 4);
			printed(dl.statistic, dz, 4);
			printed(dl.tau2, t2, 4);
			printed(dl.i2, i2, 4);
		});
	}
});

describe('Normand (1999), Stat Med 18:321-359, stroke units, MD with the pooled SD (Tables VIII and IX)', () => {
	interface Arms {
		m1i: number[];
		sd1i: number[];
		n1i: number[];
		m2i: number[];
		sd2i: number[];
		n2i: number[];
	}
	const d = fixture<{ data: Arms }>('normand1999-md').data;
	const es = d.n1i.map((n1i, i) => {
		const n2i = d.n2i[i]!;
		const sp = Math.sqrt(((n1i - 1) * d.sd1i[i]! ** 2 + (n2i - 1) * d.sd2i[i]! ** 2) / (n1i + n2i - 2));
		return escalcMD({ m1i: d.m1i[i]!, sd1i: sp, n1i, m2i: d.m2i[i]!, sd2i: sp, n2i });
	});
	const yi = es.map((e) => e.yi);
	const vi = es.map((e) => e.vi);
	it('Table VIII: study differences and variances', () => {
		expect(yi).toEqual([-20, -2, -55, -71, -4, 1, 11, -10, 7]);
		[40.59, 2.05, 15.28, 150.22, 20.19, 1.22, 95.38, 8.03, 20.69].forEach((v, i) => printed(vi[i]!, v, 2));
	});
	it('Table IX: FE -3.49 (-5.03, -1.96); DL -14.10 (-24.45, -3.75), tau2 218.72; REML -15.12 (-32.67, 2.43), tau2 685.20', () => {
		const fe = rma(yi, vi, { method: 'FE' });
		printed(fe.estimate, -3.49, 2);
		printed(fe.ci.lower, -5.03, 2);
		printed(fe.ci.upper, -1.96, 2);
		const dl = rma(yi, vi, { method: 'DL' });
		printed(dl.estimate, -14.1, 2);
		printed(dl.ci.lower, -24.45, 2);
		printed(dl.ci.upper, -3.75, 2);
		printed(dl.tau2, 218.72, 2);
		const reml = rma(yi, vi);
		printed(reml.estimate, -15.12, 2);
		printed(reml.ci.lower, -32.67, 2);
		printed(reml.ci.upper, 2.43, 2);
		printed(reml.tau2, 685.2, 2);
	});
});

describe('Viechtbauer (2005), J Educ Behav Stat 30:261-293, pp. 271-272 (data typed from the paper)', () => {
	const ex1 = {
		yi: [-0.581, 0.53, 0.771, 1.031, 0.553, 0.295, 0.078, 0.573, -0.176, -0.232],
		vi: [0.023, 0.052, 0.06, 0.115, 0.095, 0.203, 0.2, 0.211, 0.051, 0.04],
		DL: [0.277, 80.44, 5.11],
		REML: [0.223, 76.84, 4.32]
	};
	const ex2 = {
		yi: [
			0.1, -0.162, -0.09, -0.049, -0.046, -0.01, -0.431, -0.261, 0.134, 0.019, 0.175, 0.056, 0.045, 0.103,
			0.121, -0.482, 0.29, 0.342
		],
		vi: [
			0.016, 0.015, 0.05, 0.05, 0.032, 0.052, 0.036, 0.024, 0.034, 0.033, 0.031, 0.034, 0.039, 0.167, 0.134,
			0.096, 0.016, 0.035
		],
		DL: [0.013, 27.53, 1.38],
		REML: [0.016, 32.02, 1.47]
	};
	for (const [name, ex] of [
		['example 1', ex1],
		['example 2', ex2]
	] as const) {
		for (const method of ['DL', 'REML'] as const) {
			it(`${name}, ${method}: tau2, I2 and H2 as printed`, () => {
				const r = rma(ex.yi, ex.vi, { method });
				const [t2, i2, h2] = ex[method] as [number, number, number];
				printed(r.tau2, t2, 3);
				printed(r.i2, i2, 2);
				printed(r.h2, h2, 2);
			});
		}
	}
});
