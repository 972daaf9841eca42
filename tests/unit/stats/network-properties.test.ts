/**
 * Properties of the network engine: invariance to each study's reference arm, to treatment labels and to study
 * order (fast-check); a two-arm, two-treatment network equals the pairwise engine; a multi-arm trial entered as
 * independent contrasts gives a different answer; contributions, SIDE kinds, disconnected networks, arm data.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combineContinuousArms, escalcRR, escalcSMD, rma } from '$lib/stats';
import {
	armContrasts,
	contrastsMD,
	contrastsRR,
	contrastsSMD,
	networkMetaAnalysis,
	type NetworkFit,
	type NetworkMethod,
	type StudyContrasts
} from '$lib/stats/network';
import { expectClose } from './helpers';
import { networkFixture, studiesFromArms, type ArmRow } from './network-helpers';

const near = (a: number, b: number, tol: number) => Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** Every pairwise estimate, tau2, Q, design-by-treatment Q, SIDE and P-scores of two fits agree (labels mapped). */
function expectSameFit(
	a: NetworkFit,
	b: NetworkFit,
	map: (t: string) => string = (t) => t,
	tol = 1e-8
): void {
	expect(near(a.tau2, b.tau2, tol * 100), `tau2 ${a.tau2} vs ${b.tau2}`).toBe(true);
	expect(near(a.heterogeneity.q, b.heterogeneity.q, tol)).toBe(true);
	expect(near(a.designByTreatment.qBetween, b.designByTreatment.qBetween, 1e-6)).toBe(true);
	for (const e of a.league) {
		const f = b.league.find((x) => x.treatment === map(e.treatment) && x.comparator === map(e.comparator))!;
		expect(near(e.estimate, f.estimate, tol * 100) && near(e.se, f.se, tol * 100), 'league').toBe(true);
	}
	for (const s of a.side) {
		const f = b.side.find(
			(x) =>
				(x.treatment === map(s.treatment) && x.comparator === map(s.comparator)) ||
				(x.comparator === map(s.treatment) && x.treatment === map(s.comparator))
		)!;
		expect(f.kind).toBe(s.kind);
		if (s.p !== null) expect(near(s.p, f.p!, 1e-6)).toBe(true);
	}
	for (const p of a.pscores)
		expect(near(p.pscore, b.pscores.find((x) => x.treatment === map(p.treatment))!.pscore, 1e-6)).toBe(true);
}

// ---- random connected networks of 3-5 treatments with two- and three-arm studies --------------------------------
const LABELS = ['A', 'B', 'C', 'D', 'E'];
const arm = fc.record({
	mean: fc.double({ min: -20, max: 20, noNaN: true }),
	sd: fc.double({ min: 2, max: 15, noNaN: true }),
	n: fc.integer({ min: 10, max: 200 })
});
const network = fc.integer({ min: 3, max: 5 }).chain((T) =>
	fc
		.tuple(
			fc.array(fc.tuple(arm, arm), { minLength: T - 1, maxLength: T - 1 }),
			fc.array(
				fc.tuple(
					fc.uniqueArray(fc.integer({ min: 0, max: T - 1 }), { minLength: 2, maxLength: 3 }),
					fc.array(arm, { minLength: 3, maxLength: 3 })
				),
				{ minLength: 2, maxLength: 8 }
			)
		)
		.map(([chain, extra]) => {
			const rows: ArmRow[] = [];
			chain.forEach(([a, b], i) => {
				rows.push({ study: `c${i}`, treatment: LABELS[i]!, ...a });
				rows.push({ study: `c${i}`, treatment: LABELS[i + 1]!, ...b });
			});
			extra.forEach(([ts, arms], i) =>
				ts.forEach((t, j) => rows.push({ study: `x${i}`, treatment: LABELS[t]!, ...arms[j]! }))
			);
			return rows;
		})
);
const method = fc.constantFrom<NetworkMethod>('FE', 'DL', 'REML');
const fitOf = (studies: StudyContrasts[], m: NetworkMethod, reference = 'A') =>
	networkMetaAnalysis(studies, { method: m, reference }).components[0]!;

describe('network properties (fast-check)', () => {
	it("is invariant to each study's choice of reference arm", () => {
		fc.assert(
			fc.property(network, method, (rows, m) => {
				expectSameFit(fitOf(studiesFromArms(rows), m), fitOf(studiesFromArms(rows, 1), m));
			}),
			{ numRuns: 60 }
		);
	});
	it('is invariant to the order of the studies (contributions follow their study)', () => {
		fc.assert(
			fc.property(network, method, fc.integer({ min: 0, max: 1000 }), (rows, m, seed) => {
				const studies = studiesFromArms(rows);
				const shuffled = [...studies].sort(
					(x, y) => ((x.id.charCodeAt(1) * 31 + seed) % 7) - ((y.id.charCodeAt(1) * 31 + seed) % 7)
				);
				const a = fitOf(studies, m);
				const b = fitOf(shuffled, m);
				expectSameFit(a, b);
				const ra = a.contributions![0]!;
				const rb = b.contributions![0]!;
				a.studies.forEach((id, i) => {
					expect(near(ra.studies[i]!, rb.studies[b.studies.indexOf(id)]!, 1e-8)).toBe(true);
				});
			}),
			{ numRuns: 60 }
		);
	});
	it('is invariant to permuting the treatment labels', () => {
		fc.assert(
			fc.property(
				network,
				method,
				fc.shuffledSubarray(LABELS, { minLength: 5, maxLength: 5 }),
				(rows, m, perm) => {
					const map = (t: string) => perm[LABELS.indexOf(t)]!;
					const renamed = rows.map((r) => ({ ...r, treatment: map(r.treatment) }));
					expectSameFit(
						fitOf(studiesFromArms(rows), m, 'A'),
						fitOf(studiesFromArms(renamed), m, map('A')),
						map
					);
				}
			),
			{ numRuns: 60 }
		);
	});
	it('every contribution row sums to 1 and no share is negative', () => {
		fc.assert(
			fc.property(network, method, (rows, m) => {
				for (const row of fitOf(studiesFromArms(rows), m).contributions!) {
					expect(Math.abs(row.studies.reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-9);
					expect(row.studies.every((x) => x >= -1e-12)).toBe(true);
				}
			}),
			{ numRuns: 40 }
		);
	});
});

describe('a two-arm, two-treatment network equals the pairwise engine (rma)', () => {
	const f = networkFixture('synthetic');
	const ab = f.arms.filter((r) => ['S1', 'S2', 'S4'].includes(r.study) && r.treatment !== 'C');
	const studies = studiesFromArms(ab);
	const yi = studies.map((s) => s.y[0]!);
	const vi = studies.map((s) => s.V[0]![0]!);
	for (const [m, tol] of [
		['FE', 1e-12],
		['DL', 1e-12],
		['REML', 1e-5]
	] as const) {
		it(`${m}: estimate, SE, CI, tau2, Q and I2`, () => {
			const p = rma(yi, vi, { method: m });
			const fit = networkMetaAnalysis(studies, { method: m, reference: 'A', predictionQuantile: 'z' })
				.components[0]!;
			const e = fit.vsReference[0]!;
			expectClose(e.estimate, p.estimate, 'estimate', tol);
			expectClose(e.se, p.se, 'se', tol);
			expectClose(e.ci.lower, p.ci.lower, 'ci', tol);
			expectClose(e.pi!.upper, p.pi.upper, 'pi', tol);
			expect(Math.abs(fit.tau2 - p.tau2)).toBeLessThanOrEqual(m === 'REML' ? 1e-5 : 1e-12);
			expectClose(fit.heterogeneity.q, p.q, 'Q', 1e-12);
			expectClose(fit.heterogeneity.i2, p.i2, 'I2', 1e-10);
			// contributions of a single comparison are the percent weights
			fit.contributions![0]!.studies.forEach((w, i) =>
				expectClose(w * 100, p.weights[i], `weight ${i}`, tol)
			);
		});
	}
});

describe('multi-arm trials need their covariance', () => {
	const f = networkFixture('synthetic');
	const correct = networkMetaAnalysis(studiesFromArms(f.arms), { method: 'FE', reference: 'A' })
		.components[0]!;
	it('the correct model reproduces metafor', () => {
		f.common.estimate.forEach((b, i) => expectClose(correct.vsReference[i]!.estimate, b, 'estimate'));
	});
	it('S4 (A, B, C) entered as three independent two-arm comparisons gives a different (wrong) answer', () => {
		const s4 = f.arms.filter((r) => r.study === 'S4');
		const pairs = (
			[
				[0, 1],
				[0, 2],
				[1, 2]
			] as const
		).map(([i, j]) => contrastsMD({ id: `S4-${i}${j}`, arms: [s4[i]!, s4[j]!] }));
		const rest = studiesFromArms(f.arms.filter((r) => r.study !== 'S4'));
		const wrong = networkMetaAnalysis([...rest, ...pairs], { method: 'FE', reference: 'A' }).components[0]!;
		const diffs = wrong.vsReference.map((e, i) => Math.abs(e.se - f.common.se[i]!) / f.common.se[i]!);
		expect(Math.max(...diffs)).toBeGreaterThan(0.01);
	});
	it('S4 entered as two contrasts against A without their covariance also differs', () => {
		const s4 = f.arms.filter((r) => r.study === 'S4');
		const full = contrastsMD({ id: 'S4', arms: s4 });
		const noCov: StudyContrasts = {
			...full,
			V: full.V.map((row, i) => row.map((v, j) => (i === j ? v : 0)))
		};
		const rest = studiesFromArms(f.arms.filter((r) => r.study !== 'S4'));
		const wrong = networkMetaAnalysis([...rest, noCov], { method: 'FE', reference: 'A' }).components[0]!;
		const diffs = wrong.vsReference.map((e, i) => Math.abs(e.estimate - f.common.estimate[i]!));
		expect(Math.max(...diffs)).toBeGreaterThan(1e-3);
	});
});

describe('SIDE kinds and contributions on small networks', () => {
	const arms = (id: string, ts: string[], means: number[]): StudyContrasts =>
		armContrasts(
			id,
			ts,
			means,
			ts.map(() => 0.5)
		);
	it('a lone three-arm trial: no independent loop, no p-value', () => {
		const fit = networkMetaAnalysis([arms('S', ['A', 'B', 'C'], [0, 1, 3])], { method: 'FE' }).components[0]!;
		expect(fit.side.every((s) => s.kind === 'no independent loop' && s.p === null)).toBe(true);
		expect(fit.side[0]!.note).toMatch(/multi-arm/);
	});
	it('a three-arm trial plus an independent A-C trial: direct and indirect, with a p-value', () => {
		const fit = networkMetaAnalysis([arms('S', ['A', 'B', 'C'], [0, 1, 3]), arms('T', ['A', 'C'], [0, 1])], {
			method: 'FE',
			reference: 'A'
		}).components[0]!;
		const ab = fit.side.find((s) => s.treatment === 'B' && s.comparator === 'A')!;
		expect(ab.kind).toBe('direct and indirect');
		expect(ab.p).toBeGreaterThan(0);
		expect(ab.p).toBeLessThan(1);
	});
	it('a chain A-B-C: C vs A is indirect only and each study contributes one half', () => {
		const fit = networkMetaAnalysis([arms('S1', ['A', 'B'], [0, 1]), arms('S2', ['B', 'C'], [0, 2])], {
			method: 'FE',
			reference: 'A'
		}).components[0]!;
		const ca = fit.side.find((s) => s.treatment === 'C' && s.comparator === 'A')!;
		expect(ca.kind).toBe('indirect only');
		expect(ca.network).toBeCloseTo(3, 12);
		const row = fit.contributions!.find((r) => r.treatment === 'C' && r.comparator === 'A')!;
		expect(row.studies[0]).toBeCloseTo(0.5, 12);
		expect(row.studies[1]).toBeCloseTo(0.5, 12);
		expect(fit.side.find((s) => s.treatment === 'B')!.kind).toBe('direct only');
	});
	it('a disconnected network is analysed per connected part, with a message', () => {
		const r = networkMetaAnalysis([
			arms('S1', ['A', 'B'], [0, 1]),
			arms('S2', ['C', 'D'], [0, 2]),
			arms('S3', ['B', 'E'], [0, 1])
		]);
		expect(r.connected).toBe(false);
		expect(r.components).toHaveLength(2);
		expect(r.components[0]!.studies).toEqual(['S1', 'S3']);
		expect(r.components[1]!.studies).toEqual(['S2']);
		expect(r.message).toMatch(/disconnected: 2 parts/);
		expect(r.message).toMatch(/\{C, D\}|\{D, C\}/);
	});
	it('identical effects give tau2 = 0 for REML and DL', () => {
		const s = [
			arms('S1', ['A', 'B'], [0, 1]),
			arms('S2', ['A', 'B'], [0, 1]),
			arms('S3', ['A', 'B', 'C'], [0, 1, 2])
		];
		for (const m of ['DL', 'REML'] as const)
			expect(networkMetaAnalysis(s, { method: m }).components[0]!.tau2).toBe(0);
	});
});

describe('arm data to contrasts', () => {
	const a1 = { treatment: 'A', n: 156, mean: 75, sd: 64 };
	const b1 = { treatment: 'B', n: 155, mean: 55, sd: 47 };
	it('two-arm SMD equals escalc SMD (B vs A)', () => {
		const s = contrastsSMD({ id: 'E', arms: [a1, b1] });
		const e = escalcSMD({ m1i: 55, sd1i: 47, n1i: 155, m2i: 75, sd2i: 64, n2i: 156 });
		expectClose(s.y[0], e.yi, 'yi', 1e-12);
		expectClose(s.V[0]![0], e.vi, 'vi', 1e-12);
	});
	it('three-arm SMD contrasts are consistent and reference-invariant in the network', () => {
		const c1 = { treatment: 'C', n: 150, mean: 60, sd: 50 };
		const s = contrastsSMD({ id: 'S', arms: [a1, b1, c1] });
		const t = contrastsSMD({ id: 'S', arms: [b1, c1, a1] });
		// g_CA = g_CB + g_BA with one common SD
		expect(s.y[1]! - s.y[0]!).toBeCloseTo(t.y[0]!, 12);
		const other = contrastsSMD({ id: 'T', arms: [a1, { ...c1, mean: 58 }] });
		expectSameFit(
			networkMetaAnalysis([s, other], { tau2: 0.01, reference: 'A' }).components[0]!,
			networkMetaAnalysis([t, other], { tau2: 0.01, reference: 'A' }).components[0]!
		);
	});
	it('two-arm log RR equals escalc RR, with the 1/2 correction on zero cells', () => {
		for (const [e1, e2] of [
			[4, 11],
			[0, 5]
		] as const) {
			const s = contrastsRR({
				id: 'S',
				arms: [
					{ treatment: 'A', n: 139, events: e2 },
					{ treatment: 'B', n: 123, events: e1 }
				]
			});
			const e = escalcRR({ ai: e1, n1i: 123, ci: e2, n2i: 139 });
			expectClose(s.y[0], e.yi, 'yi', 1e-12);
			expectClose(s.V[0]![0], e.vi, 'vi', 1e-12);
		}
	});
	it('arms of the same node are combined first (Cochrane Handbook table 6.5.a)', () => {
		const b2 = { treatment: 'B', n: 40, mean: 50, sd: 30 };
		const merged = combineContinuousArms(b1, b2);
		const s = contrastsMD({ id: 'S', arms: [a1, b1, b2] });
		const t = contrastsMD({ id: 'S', arms: [a1, { treatment: 'B', ...merged }] });
		expect(s.treatments).toEqual(['A', 'B']);
		expect(s.y[0]).toBeCloseTo(t.y[0]!, 12);
		expect(s.V[0]![0]).toBeCloseTo(t.V[0]![0]!, 12);
		const r = contrastsRR({
			id: 'R',
			arms: [
				{ treatment: 'A', n: 50, events: 10 },
				{ treatment: 'B', n: 30, events: 5 },
				{ treatment: 'B', n: 20, events: 7 }
			]
		});
		expect(r.y[0]).toBeCloseTo(Math.log(12 / 50) - Math.log(10 / 50), 12);
	});
	it('bad input names the study and what to fix', () => {
		expect(() => contrastsMD({ id: 'X', arms: [a1, { ...b1, sd: 0 }] })).toThrow(/study "X", arm 2 \(B\)/);
		expect(() => contrastsMD({ id: 'X', arms: [a1, { ...a1, mean: 3 }] })).toThrow(/at least two different/);
		const ok = contrastsMD({ id: 'X', arms: [a1, b1] });
		expect(() => networkMetaAnalysis([ok, ok])).toThrow(/study "X": the id appears twice/);
		expect(() => networkMetaAnalysis([{ ...ok, V: [[-1]] }])).toThrow(/not positive definite/);
		expect(() => networkMetaAnalysis([{ ...ok, y: [NaN] }])).toThrow(/contrast 1 is not a finite number/);
	});
});
