import { describe, expect, it } from 'vitest';
import { buildAnalyses } from '$lib/evidence/analyses';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '$lib/evidence/types';
import { arm, binaryArm, contrast, trial } from './factory';
import type { ArmRow, ContrastRow } from '$lib/data/types';

const build = (trials: ArmRow[], contrasts: ContrastRow[] = [], s: Partial<AnalysisSettings> = {}) =>
	buildAnalyses({ trials, contrasts }, { ...DEFAULT_SETTINGS, ...s });
const find = (all: ReturnType<typeof build>, id: string) => {
	const a = all.find((x) => x.id === id);
	if (!a) throw new Error(`no analysis ${id}; have ${all.map((x) => x.id).join(', ')}`);
	return a;
};

describe('buildAnalyses: effect sizes from arms', () => {
	it('gives MD = m1 - m2 with vi = sd1^2/n1 + sd2^2/n2, negative favouring the treatment', () => {
		const a = find(
			build(trial('s1', 'acupuncture', 'sham', -30, -20)),
			'pain:chronic:acupuncture-vs-sham:short'
		);
		expect(a.studies[0]!.yi).toBe(-10);
		expect(a.studies[0]!.vi).toBeCloseTo(400 / 100 + 400 / 100, 12);
		expect(a.measure).toBe('MD');
	});

	it('puts 0-10 pain scales on 0-100 (x10, variance x100)', () => {
		const rows = trial('s1', 'acupuncture', 'sham', -3, -2, { scale: 'NRS_0_10', sd: 2 });
		const s = find(build(rows), 'pain:chronic:acupuncture-vs-sham:short').studies[0]!;
		expect(s.yi).toBeCloseTo(-10, 12);
		expect(s.vi).toBeCloseTo(400 / 100 + 400 / 100, 12);
	});

	it('negates higher-better scales so that negative still favours the treatment', () => {
		const rows = trial('s1', 'acupuncture', 'usual_care', 12, 3, {
			outcome: 'function',
			scale: 'HFAQ_0_100',
			direction: 'higher_better',
			sd: 15
		});
		const a = find(build(rows), 'function:chronic:acupuncture-vs-usual_care:short');
		expect(a.measure).toBe('SMD');
		expect(a.studies[0]!.yi).toBeLessThan(0);
		expect(a.studies[0]!.inputs.m1i).toBe(-12);
	});

	it('combines two arms of the same type (Cochrane Handbook 23.3.4) and counts the shared control once', () => {
		const rows = [
			arm({ study_id: 'c', arm: 'acupuncture', n: 50, mean: -10, sd: 10 }),
			arm({ study_id: 'c', arm: 'acupuncture', n: 150, mean: -20, sd: 12 }),
			arm({ study_id: 'c', arm: 'usual_care', n: 100, mean: -5, sd: 10 })
		];
		const a = find(build(rows), 'pain:chronic:acupuncture-vs-usual_care:short');
		expect(a.studies).toHaveLength(1);
		const i = a.studies[0]!.inputs;
		expect(i.n1i).toBe(200);
		expect(i.m1i).toBeCloseTo((50 * -10 + 150 * -20) / 200, 12);
		const ss = 49 * 100 + 149 * 144 + ((50 * 150) / 200) * 100;
		expect(i.sd1i).toBeCloseTo(Math.sqrt(ss / 199), 12);
	});

	it("gives log RR from events with metafor's 1/2 correction for a zero cell", () => {
		const rows = [
			binaryArm({ study_id: 'b', arm: 'acupuncture', events: 0, n: 20 }),
			binaryArm({ study_id: 'b', arm: 'sham', events: 4, n: 20 })
		];
		const s = find(build(rows), 'responder:chronic:acupuncture-vs-sham:short').studies[0]!;
		expect(s.yi).toBeCloseTo(Math.log(0.5 / 21 / (4.5 / 21)), 12);
		expect(s.vi).toBeCloseTo(1 / 0.5 - 1 / 21 + 1 / 4.5 - 1 / 21, 12);
	});
});

describe('buildAnalyses: timepoints, windows and sources', () => {
	it('takes, per window, the timepoint closest to the target (ties: the earlier)', () => {
		const rows = [6, 10, 26, 52].flatMap((w) =>
			trial('t', 'acupuncture', 'sham', -20 - w, -10, { timepoint_weeks: w })
		);
		const all = build(rows);
		expect(find(all, 'pain:chronic:acupuncture-vs-sham:short').studies[0]!.timepoint_weeks).toBe(6);
		expect(find(all, 'pain:chronic:acupuncture-vs-sham:intermediate').studies[0]!.timepoint_weeks).toBe(26);
		expect(find(all, 'pain:chronic:acupuncture-vs-sham:long').studies[0]!.timepoint_weeks).toBe(52);
	});

	it('prefers arm-level data to a reported contrast at the same timepoint', () => {
		const a = find(
			build(trial('s', 'acupuncture', 'sham', -30, -20), [
				contrast({ study_id: 's', treatment: 'acupuncture', control: 'sham' })
			]),
			'pain:chronic:acupuncture-vs-sham:short'
		);
		expect(a.studies[0]!.from).toBe('arms');
	});

	it('uses a contrast with vi from its CI, flipped when its arms are reversed', () => {
		const c = contrast({
			study_id: 'k',
			treatment: 'sham',
			control: 'acupuncture',
			estimate: 5,
			ci_lower: 1,
			ci_upper: 9
		});
		const s = find(build([], [c]), 'pain:chronic:acupuncture-vs-sham:short').studies[0]!;
		expect(s.yi).toBe(-5);
		expect(s.vi).toBeCloseTo((8 / (2 * 1.959963984540054)) ** 2, 10);
		expect(s.from).toBe('contrast');
	});

	it('leaves a non-convertible pain scale out of the MD analysis with a reason, and keeps it for SMD', () => {
		const rows = trial('p', 'acupuncture', 'sham', -4, -3, { scale: 'PROMIS_PI_T', sd: 8 });
		expect(build(rows).find((a) => a.id === 'pain:chronic:acupuncture-vs-sham:short')).toBeUndefined();
		const smd = find(build(rows, [], { painMeasure: 'SMD' }), 'pain:chronic:acupuncture-vs-sham:short');
		expect(smd.measure).toBe('SMD');
	});

	it('never mixes change and final scores in an SMD analysis', () => {
		const rows = [
			...trial('a', 'acupuncture', 'sham', -5, -3, { outcome: 'function', scale: 'RMDQ_0_24', sd: 4 }),
			...trial('b', 'acupuncture', 'sham', -4, -2, { outcome: 'function', scale: 'RMDQ_0_24', sd: 4 }),
			...trial('c', 'acupuncture', 'sham', 6, 7, {
				outcome: 'function',
				scale: 'ODI_0_100',
				measure: 'final',
				sd: 4
			})
		];
		const a = find(build(rows), 'function:chronic:acupuncture-vs-sham:short');
		expect(a.studies.map((s) => s.study_id)).toEqual(['a', 'b']);
		expect(a.notes.join(' ')).toMatch(/c: left out, final scores are not mixed/);
	});

	it('drops user-excluded and high risk-of-bias studies from the pooled result but keeps them listed', () => {
		const rows = [
			...trial('a', 'acupuncture', 'sham', -30, -20),
			...trial('b', 'acupuncture', 'sham', -25, -20, { rob: 'high' })
		];
		const all = build(rows, [], { excluded: ['a'] });
		const a = find(all, 'pain:chronic:acupuncture-vs-sham:short');
		expect(a.result!.k).toBe(1);
		expect(a.result!.estimate).toBeCloseTo(-5, 12);
		expect(a.studies.find((s) => s.study_id === 'a')!.weight).toBeNull();
		const b = find(build(rows, [], { excludeHighRob: true }), 'pain:chronic:acupuncture-vs-sham:short');
		expect(b.result!.estimate).toBeCloseTo(-10, 12);
	});

	it('counts usual care as no treatment only when asked', () => {
		const rows = trial('u', 'acupuncture', 'usual_care', -20, -10);
		expect(build(rows).some((a) => a.id === 'pain:chronic:acupuncture-vs-no_treatment:short')).toBe(false);
		expect(
			build(rows, [], { usualCareAsNone: true }).some(
				(a) => a.id === 'pain:chronic:acupuncture-vs-no_treatment:short'
			)
		).toBe(true);
	});
});
