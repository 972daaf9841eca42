/**
 * The whole engine on random data (issue 16): CSV text -> validator -> buildAnalyses -> evaluateClaims ->
 * summarize JSON. Any finite positive n and sd and finite means give either a located rejection (file:row:column)
 * or finite output: no NaN, null or Infinity, no "inconclusive (certainty: high)". Values span the whole range
 * the validator accepts and beyond (log-uniform magnitudes), and repeated trials are likely (fast-check's bias).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFile } from '$lib/data/parse-file';
import { buildAnalyses } from '$lib/evidence/analyses';
import { bundledClaims } from '$lib/evidence/claims';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { DEFAULT_MIDS } from '$lib/evidence/mid';
import { summaryJson } from '$lib/evidence/report';
import { biasChecks, eggerFor } from '$lib/evidence/sensitivity';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '$lib/evidence/types';
import type { Method, TestType } from '$lib/stats';
import { TRIAL_HEADER } from '../data/helpers';
import { nonFinite } from '../engine-check';

/** A positive number 10^e, e uniform in [lo, hi], written as JavaScript writes it (exponent form included). */
const magnitude = (lo: number, hi: number) =>
	fc.double({ min: lo, max: hi, noNaN: true }).map((e) => 10 ** e);
const signed = (lo: number, hi: number) =>
	fc.tuple(fc.boolean(), magnitude(lo, hi)).map(([neg, x]) => (neg ? -x : x));
const count = fc.oneof(fc.integer({ min: 1, max: 500 }), magnitude(0, 21).map(Math.round));
const arm = fc.record({ n: count, mean: signed(-8, 310), sd: magnitude(-210, 210) });
const trial = fc.tuple(arm, arm);
const settings = fc.record({
	method: fc.constantFrom<Method>('REML', 'DL', 'PM', 'FE'),
	test: fc.constantFrom<TestType>('z', 'knha'),
	painMeasure: fc.constantFrom<'MD' | 'SMD'>('MD', 'SMD')
});

function csv(trials: [{ n: number; mean: number; sd: number }, { n: number; mean: number; sd: number }][]) {
	const line = (i: number, armName: string, a: { n: number; mean: number; sd: number }) =>
		`t${i},Trial ${i},${2000 + i},chronic,${armName},,${armName === 'sham' ? 'penetrating' : ''},,pain,VAS_0_100,lower_better,8,${a.n},${a.mean},${a.sd},change,,,pmid:1,abstract,,,`;
	return [
		TRIAL_HEADER.join(','),
		...trials.flatMap(([t, c], i) => [line(i, 'acupuncture', t), line(i, 'sham', c)])
	].join('\n');
}

const mids = Object.fromEntries(Object.entries(DEFAULT_MIDS).map(([k, m]) => [k, m.value])) as Record<
	keyof typeof DEFAULT_MIDS,
	number
>;

describe('the engine on any finite positive n and sd and finite means', () => {
	// Up to 9 trials: from 10 on, certainty.ts runs its own regtest until it takes eggerFor (then raise to 14).
	it('gives a located rejection or finite output', () => {
		fc.assert(
			fc.property(fc.array(trial, { minLength: 1, maxLength: 14 }), settings, (trials, s) => {
				const parsed = parseFile(csv(trials), 'trials.csv');
				const errors = parsed.problems.filter((p) => p.severity === 'error');
				for (const e of errors) {
					expect(e.row).toBeGreaterThan(1);
					expect(e.column).not.toBe('');
				}
				if (errors.length) return;
				const set: AnalysisSettings = { ...DEFAULT_SETTINGS, ...s };
				const analyses = buildAnalyses({ trials: parsed.trials, contrasts: parsed.contrasts }, set);
				const claims = evaluateClaims(bundledClaims.claims, analyses, { mids });
				expect(nonFinite(summaryJson(set, analyses, claims))).toEqual([]);
			}),
			{ numRuns: 200 }
		);
	});
	it('bias checks and the Egger-type test never throw from 10 trials on, identical trials included', () => {
		const same = fc
			.tuple(trial, fc.integer({ min: 10, max: 14 }))
			.map(([t, k]) => Array(k).fill(t) as (typeof t)[]);
		fc.assert(
			fc.property(
				fc.oneof(fc.array(trial, { minLength: 10, maxLength: 14 }), same),
				settings,
				(trials, s) => {
					const parsed = parseFile(csv(trials), 'trials.csv');
					if (parsed.problems.some((p) => p.severity === 'error')) return;
					const set: AnalysisSettings = { ...DEFAULT_SETTINGS, ...s };
					for (const a of buildAnalyses({ trials: parsed.trials, contrasts: [] }, set)) {
						if (!a.result) continue;
						const e = eggerFor(a);
						if ('result' in e) expect(Number.isFinite(e.result.p)).toBe(true);
						else expect(e.reason).not.toBe('');
						const checks = biasChecks(a);
						expect(checks.regtest?.p ?? null).toBe('result' in e ? e.result.p : null);
					}
				}
			),
			{ numRuns: 100 }
		);
	});
});
