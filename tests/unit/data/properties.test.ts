import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIngest } from '$lib/data/ingest';
import { parseNumber } from '$lib/data/numbers';
import { parseFile } from '$lib/data/parse-file';
import { MAX_ABS, MIN_CI_WIDTH, MIN_RATIO, MIN_SD_FRACTION } from '$lib/data/plausible';
import {
	ARMS,
	BINARY_OUTCOMES,
	CONTINUOUS_OUTCOMES,
	CONTRAST_MEASURES,
	DIRECTIONS,
	MEASURES,
	POPULATIONS,
	RATIO_MEASURES,
	ROB_LEVELS,
	SHAM_TYPES
} from '$lib/data/schema';
import type { ArmRow, ContrastRow } from '$lib/data/types';
import { rowsToCsv } from '$lib/data/write';
import { CONTRAST_HEADER, TRIAL_HEADER } from './helpers';

const RUNS = { numRuns: 300 };

/** Text that looks like CSV, trial CSV in particular, with every character that matters to a CSV reader. */
const csvish = fc
	.array(
		fc.oneof(
			fc.constantFrom(',', ';', '\t', '"', '""', '\n', '\r\n', '\r', '\ufeff', '\u0000', '\ufffd', ' '),
			fc.constantFrom(
				...TRIAL_HEADER,
				...CONTRAST_HEADER,
				'__proto__',
				'constructor',
				'sham',
				'shame',
				'true'
			),
			fc.constantFrom('1.5', '-0', '1,5', '007', '1e400', 'NaN', '', '2006', 'pmid:1'),
			fc.string({ maxLength: 8 })
		),
		{ maxLength: 120 }
	)
	.map((parts) => parts.join(''));
const withHeader = fc
	.tuple(fc.constantFrom(TRIAL_HEADER.join(','), CONTRAST_HEADER.join(','), TRIAL_HEADER.join(';')), csvish)
	.map(([h, rest]) => `${h}\n${rest}`);
const anyText = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), csvish, withHeader);

describe('parse + validate on any input', () => {
	it('never throws and returns rows plus located problems', () => {
		fc.assert(
			fc.property(anyText, (text) => {
				const r = parseFile(text, 'any.csv');
				expect(Array.isArray(r.trials) && Array.isArray(r.contrasts)).toBe(true);
				const physicalLines = text.split(/\r\n|\r|\n/).length;
				for (const p of r.problems) {
					expect(['error', 'warning']).toContain(p.severity);
					expect(p.file).toBe('any.csv');
					expect(p.row).toBeGreaterThanOrEqual(0);
					expect(p.row).toBeLessThanOrEqual(physicalLines);
					expect(p.message.length).toBeGreaterThan(0);
				}
				if (r.errors === 0) expect(r.trials.length + r.contrasts.length).toBeGreaterThan(0);
			}),
			RUNS
		);
	});

	it('gives the same result however the text is cut into chunks', () => {
		fc.assert(
			fc.property(withHeader, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
				const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
				const ingest = createIngest('any.csv');
				let from = 0;
				for (const to of [...at, text.length]) {
					ingest.push(text.slice(from, to));
					from = to;
				}
				const chunked = ingest.end();
				const whole = parseFile(text, 'any.csv');
				expect(chunked.problems).toEqual(whole.problems);
				expect(chunked.trials?.length ?? 0).toBe(whole.trials.length);
			}),
			RUNS
		);
	});
});

// Valid rows, as the reader returns them: text trimmed, no -0.
const text = (required: boolean) =>
	fc
		.string({ unit: 'grapheme', maxLength: 30 })
		.map((s) => s.trim())
		.filter((s) => !required || s !== '');
const noNegZero = (x: number) => (Object.is(x, -0) ? 0 : x);
const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(noNegZero);
const positive = fc.double({ noNaN: true, noDefaultInfinity: true, min: 1e-9, max: 1e6 });
/** An SD within the plausibility limits (src/lib/data/plausible.ts; the generated scales have no known range). */
const sdValue = fc.double({ noNaN: true, noDefaultInfinity: true, min: MIN_SD_FRACTION, max: MAX_ABS });
/** Estimate and CI within the plausibility limits. */
function plausible(r: Pick<ContrastRow, 'measure' | 'estimate' | 'ci_lower' | 'ci_upper'>): boolean {
	const xs = [r.estimate, r.ci_lower, r.ci_upper];
	if (RATIO_MEASURES.includes(r.measure))
		return (
			xs.every((x) => x >= MIN_RATIO && x <= MAX_ABS) &&
			Math.log(r.ci_upper) - Math.log(r.ci_lower) >= MIN_CI_WIDTH
		);
	return xs.every((x) => Math.abs(x) <= MAX_ABS) && r.ci_upper - r.ci_lower >= MIN_CI_WIDTH;
}
const study = fc.record({
	study: text(true),
	year: fc.integer({ min: 1900, max: 2100 }),
	population: fc.constantFrom(...POPULATIONS),
	rob: fc.option(fc.constantFrom(...ROB_LEVELS), { nil: null }),
	source: text(true),
	locator: text(true),
	notes: text(false),
	scale: text(true),
	timepoint_weeks: fc.double({ noNaN: true, min: 0, max: 520 }).map(noNegZero)
});

const armRow = fc
	.tuple(study, fc.constantFrom(...ARMS), text(false), fc.constantFrom(...SHAM_TYPES), fc.boolean())
	.chain(([s, arm, arm_label, sham, continuous]) =>
		fc.integer({ min: 1, max: 100_000 }).chain((n) =>
			fc
				.record({
					mean: finite,
					sd: sdValue,
					measure: fc.constantFrom(...MEASURES),
					direction: fc.constantFrom(...DIRECTIONS),
					outcome: fc.constantFrom(...(continuous ? CONTINUOUS_OUTCOMES : BINARY_OUTCOMES)),
					events: fc.integer({ min: 0, max: n }),
					sessions: fc.option(fc.integer({ min: 1, max: 200 }), { nil: null }),
					course_weeks: fc.option(fc.double({ noNaN: true, min: 0.01, max: 104 }), { nil: null })
				})
				.map((v): Omit<ArmRow, 'line' | 'study_id'> => ({
					...s,
					arm,
					arm_label,
					sham_type: arm === 'sham' ? sham : null,
					comparator: null,
					outcome: v.outcome,
					direction: continuous ? v.direction : null,
					n,
					mean: continuous ? v.mean : null,
					sd: continuous ? v.sd : null,
					measure: continuous ? v.measure : null,
					events: continuous ? null : v.events,
					// Course length is kept on acupuncture arms only (ignored with a warning on others).
					sessions: arm === 'acupuncture' ? v.sessions : null,
					course_weeks: arm === 'acupuncture' ? v.course_weeks : null
				}))
		)
	);

const contrastRow = fc
	.tuple(study, fc.constantFrom(...ARMS), fc.constantFrom(...ARMS), fc.constantFrom(...SHAM_TYPES))
	.filter(([, t, c]) => t !== c)
	.chain(([s, treatment, control, sham]) =>
		fc
			.record({
				measure: fc.constantFrom(...CONTRAST_MEASURES),
				outcome: fc.constantFrom(...CONTINUOUS_OUTCOMES, ...BINARY_OUTCOMES),
				direction: fc.constantFrom(...DIRECTIONS),
				ci: fc.tuple(positive, positive, positive).map((xs) => xs.sort((a, b) => a - b)),
				shift: finite,
				n: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
				adjusted: fc.boolean()
			})
			.filter(({ ci }) => ci[0]! < ci[2]!)
			.map(
				({ measure, outcome, direction, ci, shift, n, adjusted }): Omit<ContrastRow, 'line' | 'study_id'> => {
					const ratio = RATIO_MEASURES.includes(measure);
					const [lo, est, hi] = ratio ? ci : ci.map((x) => noNegZero(x + shift));
					return {
						...s,
						treatment,
						control,
						sham_type: treatment === 'sham' || control === 'sham' ? sham : null,
						comparator: null,
						outcome,
						direction: CONTINUOUS_OUTCOMES.includes(outcome) ? direction : null,
						n_treatment: n,
						n_control: n,
						measure,
						estimate: est!,
						ci_lower: lo!,
						ci_upper: hi!,
						adjusted
					};
				}
			)
	)
	.filter((r) => r.ci_lower < r.ci_upper && plausible(r));

/** One study per row (rows of one study must agree on study-level fields), lines counted from the text. */
function withIds<T>(rows: T[]): (T & { study_id: string })[] {
	return rows.map((r, i) => ({ ...r, study_id: `study${i}` }));
}
const strip = <T extends { line: number }>(rows: T[]) => rows.map(({ line: _line, ...r }) => r);

describe('writing rows and reading them back', () => {
	it('gives the same arm rows', () => {
		fc.assert(
			fc.property(fc.array(armRow, { minLength: 1, maxLength: 8 }), (rows) => {
				const written = withIds(rows).map((r) => ({ ...r, line: 0 }));
				const back = parseFile(rowsToCsv('trials', written), 'trials.csv');
				expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
				expect(strip(back.trials)).toEqual(strip(written));
			}),
			RUNS
		);
	});

	it('gives the same contrast rows', () => {
		fc.assert(
			fc.property(fc.array(contrastRow, { minLength: 1, maxLength: 8 }), (rows) => {
				const written = withIds(rows).map((r) => ({ ...r, line: 0 }));
				const back = parseFile(rowsToCsv('contrasts', written), 'contrasts.csv');
				expect(back.problems.filter((p) => p.severity === 'error')).toEqual([]);
				expect(strip(back.contrasts)).toEqual(strip(written));
			}),
			RUNS
		);
	});
});

describe('parseNumber', () => {
	it('reads back every finite double JavaScript writes', () => {
		fc.assert(
			fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
				expect(parseNumber(String(x))).toBe(noNegZero(x) === 0 && Object.is(x, -0) ? 0 : x);
			}),
			{ numRuns: 2000 }
		);
	});

	it('agrees with Number on decimal text, up to 17 digits', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^-?\d{1,17}(\.\d{1,17})?$/), (s) => {
				expect(parseNumber(s)).toBe(Number(s));
			}),
			{ numRuns: 2000 }
		);
	});
});
