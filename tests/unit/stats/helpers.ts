/** Shared helpers for the stats tests: fixture loading and relative-closeness assertions. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { RmaOptions, RmaResult } from '$lib/stats';

/** Relative tolerance for full-precision metafor output (docs/ARCHITECTURE.md section 7). */
export const REL = 1e-6;
/** Absolute tolerance used only when metafor's value is exactly 0. */
export const ABS_AT_ZERO = 1e-12;

/** Reads tests/fixtures/stats/<name>.json (written by tests/reference/stats.R). */
export function fixture<T = Record<string, unknown>>(name: string): T {
	return JSON.parse(readFileSync(`tests/fixtures/stats/${name}.json`, 'utf8')) as T;
}

/** |actual - expected| <= rel |expected| (or <= 1e-12 when expected is 0); null expected means NA/NaN/null. */
export function expectClose(actual: unknown, expected: unknown, label: string, rel = REL): void {
	if (expected === null) {
		expect(actual === null || Number.isNaN(actual), `${label}: expected NA, got ${String(actual)}`).toBe(
			true
		);
		return;
	}
	expect(typeof actual, `${label}: type`).toBe('number');
	const a = actual as number;
	const e = expected as number;
	const tol = e === 0 ? ABS_AT_ZERO : rel * Math.abs(e);
	expect(Math.abs(a - e) <= tol, `${label}: ${a} vs metafor ${e} (tolerance ${tol})`).toBe(true);
}

/**
 * Walks `expected` (a metafor fixture object) and compares every leaf with the same path in `actual`:
 * numbers relatively, strings and booleans exactly, arrays element-wise ("Inf" / "-Inf" stand for infinities).
 */
export function expectCloseDeep(actual: unknown, expected: unknown, label = 'value', rel = REL): void {
	if (expected === null || typeof expected === 'number') {
		expectClose(actual, expected, label, rel);
	} else if (expected === 'Inf' || expected === '-Inf') {
		expect(actual, label).toBe(expected === 'Inf' ? Infinity : -Infinity);
	} else if (typeof expected === 'string' || typeof expected === 'boolean') {
		expect(actual, label).toBe(expected);
	} else if (Array.isArray(expected)) {
		expect(Array.isArray(actual), `${label}: array`).toBe(true);
		const arr = actual as unknown[];
		expect(arr.length, `${label}: length`).toBe(expected.length);
		expected.forEach((e, i) => expectCloseDeep(arr[i], e, `${label}[${i}]`, rel));
	} else {
		expect(actual !== null && typeof actual === 'object', `${label}: object`).toBe(true);
		const obj = actual as Record<string, unknown>;
		for (const [key, e] of Object.entries(expected as Record<string, unknown>)) {
			expectCloseDeep(obj[key], e, `${label}.${key}`, rel);
		}
	}
}

/** One fixture case: the options given to metafor and its result. */
export interface Case<R = unknown> {
	options: RmaOptions & { method: NonNullable<RmaOptions['method']> };
	result: R;
}

/** A dataset fixture with yi, vi and the analyses of tests/reference/stats.R. */
export interface DatasetFixture {
	yi: number[];
	vi: number[];
	all_models: Case[];
	leave1out?: Case<unknown[]>[];
	cumul?: (Case<unknown[]> & { order: number[] })[];
	regtest?: Case[];
	trimfill?: Case[];
	confint?: Case[];
	subgroup?: (Case & { group: string[] })[];
}

/** The per-step summary metafor's leave1out() and cumul() print, from an RmaResult. */
export function listSummary(r: RmaResult) {
	return {
		estimate: r.estimate,
		se: r.se,
		p: r.p,
		ci: r.ci,
		q: r.q,
		q_p: r.q_p,
		tau2: r.tau2,
		i2: r.i2,
		h2: r.h2
	};
}

/** Seeded linear congruential generator for reproducible synthetic data. */
export function lcg(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return (s + 0.5) / 4294967296;
	};
}
