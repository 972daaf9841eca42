import { describe, expect, it } from 'vitest';
import { alphaFromLevel, lgamma, pchisq, pnorm, pt, qchisq, qnorm, qt } from '$lib/stats';
import { expectClose, fixture } from './helpers';

interface Dist {
	p: number[];
	x: number[];
	df: number[];
	chisq_x: number[];
	qnorm: number[];
	pnorm: number[];
	pnorm_upper: number[];
	qt: number[][];
	pt: number[][];
	pt_upper: number[][];
	qchisq: number[][];
	qchisq_upper: number[][];
	pchisq: number[][];
	pchisq_upper: number[][];
	lgamma: { x: number[]; value: number[] };
}

const f = fixture<Dist>('distributions');

describe('distributions match R to 1e-6 (relative), upper tails included', () => {
	it('qnorm and pnorm', () => {
		f.p.forEach((p, i) => expectClose(qnorm(p), f.qnorm[i], `qnorm(${p})`));
		f.p.forEach((p, i) => expectClose(qnorm(p, false), -f.qnorm[i]!, `qnorm(${p}, upper)`));
		f.x.forEach((x, i) => expectClose(pnorm(x), f.pnorm[i], `pnorm(${x})`));
		f.x.forEach((x, i) => expectClose(pnorm(x, false), f.pnorm_upper[i], `pnorm(${x}, upper)`));
	});
	it('qt and pt', () => {
		f.df.forEach((df, j) => {
			f.p.forEach((p, i) => expectClose(qt(p, df), f.qt[j]![i], `qt(${p}, ${df})`));
			f.x.forEach((x, i) => expectClose(pt(x, df), f.pt[j]![i], `pt(${x}, ${df})`));
			f.x.forEach((x, i) => expectClose(pt(x, df, false), f.pt_upper[j]![i], `pt(${x}, ${df}, upper)`));
		});
	});
	it('qchisq and pchisq', () => {
		f.df.forEach((df, j) => {
			f.p.forEach((p, i) => expectClose(qchisq(p, df), f.qchisq[j]![i], `qchisq(${p}, ${df})`));
			f.p.forEach((p, i) =>
				expectClose(qchisq(p, df, false), f.qchisq_upper[j]![i], `qchisq(${p}, ${df}, upper)`)
			);
			f.chisq_x.forEach((x, i) => expectClose(pchisq(x, df), f.pchisq[j]![i], `pchisq(${x}, ${df})`));
			f.chisq_x.forEach((x, i) =>
				expectClose(pchisq(x, df, false), f.pchisq_upper[j]![i], `pchisq(${x}, ${df}, upper)`)
			);
		});
	});
	it('keeps tiny upper-tail p-values (BCG Q = 152.23 on 12 df: p ~ 2e-26)', () => {
		expect(pchisq(152.233, 12, false)).toBeGreaterThan(1e-27);
		expect(pchisq(152.233, 12, false)).toBeLessThan(1e-25);
	});
	it('lgamma', () => {
		f.lgamma.x.forEach((x, i) => expectClose(lgamma(x), f.lgamma.value[i], `lgamma(${x})`));
	});
	it('alphaFromLevel turns percent into two-sided alpha and rejects nonsense', () => {
		expect(alphaFromLevel(95)).toBe(0.05);
		expect(alphaFromLevel(90)).toBeCloseTo(0.1, 15);
		expect(() => alphaFromLevel(0)).toThrow(RangeError);
		expect(() => alphaFromLevel(100)).toThrow(RangeError);
	});
});
