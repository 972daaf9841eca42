import { describe, expect, it } from 'vitest';
import { contrasts, lines, trials } from './helpers';

// Extreme but well-formed numbers (issue 16) are rejected with file:row:column and a reason (data/CODEBOOK.md,
// "Plausibility limits"), so the engine never meets them.

const errors = (text: string, file = 'trials.csv') =>
	lines(text, file).filter((l) => !/source should/.test(l));

describe('plausibility limits in trials.csv', () => {
	it('rejects n above 10,000,000', () => {
		expect(errors(trials([{ n: '1e20' }]))).toEqual([
			'trials.csv:2:n: n is 1e20, more than 10,000,000 participants: no trial arm is this large; check the value'
		]);
		expect(errors(trials([{ n: '10000000' }]))).toEqual([]);
	});
	it('rejects |mean| or sd above 1,000,000 scale units', () => {
		expect(errors(trials([{ mean: '1e308' }])).filter((l) => /:mean: mean is/.test(l))).toEqual([
			'trials.csv:2:mean: mean is 1e308, beyond ±1,000,000 scale units: check the value and the scale'
		]);
		expect(errors(trials([{ sd: '1e200' }]))).toEqual([
			'trials.csv:2:sd: sd is 1e200, beyond ±1,000,000 scale units: check the value and the scale'
		]);
	});
	it('rejects an sd below 0.000001 of the scale range (1e-4 on a 0-100 scale)', () => {
		expect(errors(trials([{ sd: '0.000001' }]))).toEqual([
			'trials.csv:2:sd: sd is 0.000001, below 0.000001 of the range of VAS_0_100 (0.0001): no trial has so little spread; check the value'
		]);
		expect(errors(trials([{ sd: '1e-200' }]))).toHaveLength(1);
		expect(errors(trials([{ sd: '0.0001' }]))).toEqual([]);
		// an unlisted scale without a range: 0.000001 scale units
		expect(errors(trials([{ scale: 'XYZ', sd: '0.0000001' }])).filter((l) => /:sd:/.test(l))).toHaveLength(1);
	});
	it("measures each row's sd against its own scale's range when the scale changes from row to row", () => {
		// sd 0.00005: below the floor of VAS_0_100 (0.0001) and of pain_0_1000 (0.001), above that of NRS_0_10
		// (0.00001) and of an unlisted scale without a range (0.000001).
		const scales = ['VAS_0_100', 'NRS_0_10', 'VAS_0_100', 'XYZ', 'NRS_0_10', 'pain_0_1000', 'VAS_0_100'];
		const rows = scales.map((scale, k) => ({ scale, sd: '0.00005', timepoint_weeks: String(k + 1) }));
		expect(errors(trials(rows)).filter((l) => /:sd:/.test(l))).toEqual([
			'trials.csv:2:sd: sd is 0.00005, below 0.000001 of the range of VAS_0_100 (0.0001): no trial has so little spread; check the value',
			'trials.csv:4:sd: sd is 0.00005, below 0.000001 of the range of VAS_0_100 (0.0001): no trial has so little spread; check the value',
			'trials.csv:7:sd: sd is 0.00005, below 0.000001 of the range of pain_0_1000 (0.001): no trial has so little spread; check the value',
			'trials.csv:8:sd: sd is 0.00005, below 0.000001 of the range of VAS_0_100 (0.0001): no trial has so little spread; check the value'
		]);
	});
});

describe('plausibility limits in contrasts.csv', () => {
	const c = (row: Record<string, string>) => errors(contrasts([row]), 'contrasts.csv');
	it('rejects an astronomically wide CI and a huge estimate', () => {
		expect(c({ ci_lower: '-1e300', ci_upper: '1e300' })).toEqual([
			'contrasts.csv:2:ci_lower: ci_lower is -1e300, beyond ±1,000,000: check the value',
			'contrasts.csv:2:ci_upper: ci_upper is 1e300, beyond ±1,000,000: check the value'
		]);
	});
	it('rejects ratios outside 0.000001 to 1,000,000', () => {
		const row = { measure: 'RR', outcome: 'responder', scale: 'resp_x', direction: '' };
		expect(c({ ...row, estimate: '1', ci_lower: '1e-300', ci_upper: '2' })).toEqual([
			'contrasts.csv:2:ci_lower: ci_lower is 1e-300, outside 0.000001 to 1,000,000 for a ratio: check the value'
		]);
	});
	it('rejects a CI narrower than 0.000001 (on the log scale for ratios)', () => {
		expect(c({ estimate: '-5.1', ci_lower: '-5.1', ci_upper: '-5.0999999999' })).toEqual([
			'contrasts.csv:2:ci_upper: the confidence interval -5.1 to -5.0999999999 is narrower than 0.000001: no trial is this precise; check the limits'
		]);
	});
	it('rejects n_treatment above 10,000,000', () => {
		expect(c({ n_treatment: '1e18' })).toEqual([
			'contrasts.csv:2:n_treatment: n_treatment is 1e18, more than 10,000,000 participants: no trial arm is this large; check the value'
		]);
	});
	it('reports an infinite limit as not a number, with its location', () => {
		expect(c({ ci_upper: '1e999' })[0]).toMatch(
			/^contrasts\.csv:2:ci_upper: ci_upper must be a number, got "1e999"/
		);
	});
});
