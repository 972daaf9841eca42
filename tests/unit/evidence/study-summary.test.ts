import { describe, expect, it } from 'vitest';
import { syntheticTrialsCsv } from '../../../bench/ingest';
import { sofTable } from '$lib/components/clinician/sof-rows';
import { ingestText } from '$lib/data/ingest';
import { datasetOf, sourceOf } from '$lib/data/merge';
import { buildAnalyses } from '$lib/evidence/analyses';
import { usualCareControls } from '$lib/evidence/claim-context';
import { bundledClaims } from '$lib/evidence/claims';
import { controlName, controlRisk, participants } from '$lib/evidence/describe';
import { evaluateClaims } from '$lib/evidence/evaluate';
import { analysedTrials, studyCount } from '$lib/evidence/study-count';
import { forPage, timeCourseForPage } from '$lib/evidence/study-summary';
import { timeCourseSeries } from '$lib/charts/time-course-series';
import type { Analysis } from '$lib/evidence/types';
import { claimViewOf, DEFAULT_CONTROLS, settingsOf } from '$lib/state/url-params';

// 6,000 synthetic rows: 167 trials, each in many analyses (4 arms, 3 outcomes, 3 weeks).
const data = datasetOf(sourceOf(1, null, [ingestText(syntheticTrialsCsv(6000), 'large.csv').trials!]));
const CAP = { above: 20, keep: 5 };
const excludedId = 'synth100';
const settings = { ...settingsOf(DEFAULT_CONTROLS), excluded: [excludedId] };
const full = buildAnalyses(data, settings);
const capped = full.map((a) => forPage(a, CAP, settings.excluded));
const big = full.filter((a) => a.studies.length > CAP.above);
const byId = (list: Analysis[], id: string) => list.find((a) => a.id === id)!;

describe('forPage: an analysis with more studies than the page draws', () => {
	it('keeps the pooled result and every other field, and only the first studies plus the user-excluded ones', () => {
		expect(big.length).toBeGreaterThan(5);
		for (const a of big) {
			const c = byId(capped, a.id);
			expect(c.result).toEqual(a.result);
			expect(c.verdictResult).toEqual(a.verdictResult);
			expect(c.notes).toEqual(a.notes);
			const inFull = a.studies.some((s) => s.study_id === excludedId);
			expect(c.studies).toEqual([
				...a.studies.slice(0, CAP.keep),
				...a.studies.slice(CAP.keep).filter((s) => s.study_id === excludedId)
			]);
			expect(c.studies.length).toBeLessThanOrEqual(CAP.keep + 1);
			if (inFull) expect(c.studies.find((s) => s.study_id === excludedId)?.excluded).toBe(true);
		}
	});

	it('counts every study: the total, excluded, left out, participants, as the full analysis has them', () => {
		for (const a of big) {
			const c = byId(capped, a.id);
			expect(studyCount(c)).toBe(a.studies.length);
			expect(c.summary!.excluded).toBe(a.studies.filter((s) => s.excluded).length);
			expect(c.summary!.leftOut).toBe(a.studies.filter((s) => s.leftOut).length);
			const people = a.studies.filter((s) => !s.excluded).reduce((t, s) => t + (s.n1 ?? 0) + (s.n2 ?? 0), 0);
			expect(people).toBeGreaterThan(0);
			expect(participants(c)).toBe(people);
			// Reading a capped analysis through the page's functions gives what the full one gives.
			expect(controlName(c)).toBe(controlName(a));
			expect(controlRisk(c)).toBe(controlRisk(a));
			expect(usualCareControls(c)).toBe(usualCareControls(a));
		}
		const binary = big.filter((a) => a.outcome === 'responder');
		expect(binary.length).toBeGreaterThan(0);
		for (const a of binary) {
			let events = 0;
			let n = 0;
			for (const s of a.studies.filter((x) => !x.excluded && !x.leftOut)) {
				events += s.inputs.ci!;
				n += s.inputs.n2i!;
			}
			expect(byId(capped, a.id).summary!.controlRisk).toBeCloseTo(events / n, 12);
		}
	});

	it('leaves an analysis at or below the cap as it is, and studyCount reads its list', () => {
		const small = full.filter((a) => a.studies.length <= 200);
		expect(small.length).toBeGreaterThan(0);
		for (const a of small) {
			expect(forPage(a, { above: 200, keep: 5 }, [])).toBe(a);
			expect(studyCount(a)).toBe(a.studies.length);
		}
	});

	it('gives the same claim sentences and summary-of-findings rows as the full analyses', () => {
		const view = claimViewOf(DEFAULT_CONTROLS);
		const results = evaluateClaims(bundledClaims.claims, full, view);
		const byFull = new Map(full.map((a, i) => [a, capped[i]!]));
		const page = (a: Analysis) => byFull.get(a) ?? forPage(a, CAP, settings.excluded);
		const onPage = results.map((r) => ({ ...r, analyses: r.analyses.map(page) }));
		expect(onPage.some((r) => r.analyses.some((a) => a.summary))).toBe(true);
		expect(sofTable(onPage, settings.excluded)).toEqual(sofTable(results, settings.excluded));
	});

	it('the trials in at least one analysis are those of the full analyses (the worker sends them)', () => {
		const ids = analysedTrials(full);
		expect(ids.size).toBe(167);
		expect(analysedTrials(capped).size).toBeLessThan(ids.size);
	});
});

describe('timeCourseForPage: a time course with more trial marks than the chart draws', () => {
	const results = evaluateClaims(bundledClaims.claims, full, claimViewOf(DEFAULT_CONTROLS));
	const tc = results.find((r) => r.timeCourse && r.timeCourse.comparisons.length > 0)!.timeCourse!;
	const marks = tc.comparisons.reduce((n, c) => n + c.rows.length, 0);

	it('keeps its rows in the worker, says how many, and gives the chart the same series', () => {
		const max = marks - 1;
		const page = timeCourseForPage(tc, max);
		expect(page.comparisons.every((c) => c.rows.length === 0)).toBe(true);
		expect(page.comparisons.map((c) => c.rowsHeld)).toEqual(tc.comparisons.map((c) => c.rows.length));
		expect(page.comparisons.map((c) => c.course)).toEqual(tc.comparisons.map((c) => c.course));
		expect(timeCourseSeries(page, max)).toEqual(timeCourseSeries(tc, max));
	});

	it('is unchanged when the chart draws every mark', () => {
		expect(timeCourseForPage(tc, marks)).toBe(tc);
		expect(timeCourseSeries(tc, marks).some((s) => s.points.some((p) => p.study))).toBe(true);
	});
});
