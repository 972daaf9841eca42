import { describe, expect, it } from 'vitest';
import { absolutePer100, sofCells, sofTable } from '$lib/components/clinician/sof-rows';
import { controlRisk } from '$lib/evidence/describe';
import { bottomLine, noticeWords } from '$lib/components/patient/key-messages';
import type { ClaimResult } from '$lib/evidence/claim-context';
import { analysisOf, result, study } from '../../unit/charts/studies';

// Hand-made analyses: the expected numbers are worked out by hand in each comment (GRADE absolute effect:
// 100 x control risk x (RR - 1)), not taken from the code under test.
const binary = (id: string, ai: number, n1i: number, ci: number, n2i: number, extra = {}) =>
	study(id, 0, 0.1, 50, { from: 'arms', inputs: { ai, n1i, ci, n2i }, ...extra });

const rr = analysisOf(
	[
		binary('a', 30, 100, 20, 100),
		binary('b', 9, 50, 10, 100),
		binary('c', 0, 40, 0, 40, { leftOut: 'no events' })
	],
	result(Math.log(1.5), [Math.log(1.2), Math.log(2)], [0, 0], 2),
	{
		id: 'responder:chronic:acupuncture-vs-usual_care:short',
		measure: 'RR',
		outcome: 'responder',
		control: 'usual_care'
	}
);

const claim = (
	id: string,
	analyses: ClaimResult['analyses'],
	extra: Record<string, number> = {}
): ClaimResult => ({
	claim: { id, label: id, quote: id, line: 1, kind: 'superiority', testable: true } as ClaimResult['claim'],
	verdict: 'supported',
	certainty: {
		level: 'low',
		rules: [
			{ domain: 'imprecision', levels: 1, reason: 'fewer than 400 people' },
			{ domain: 'inconsistency', levels: 0, reason: 'one trial', assessable: false },
			{ domain: 'risk of bias', levels: 0, reason: 'low risk' }
		]
	},
	sentence: 's',
	analyses,
	extra
});

describe('summary-of-findings rows', () => {
	it('takes the control risk from the control arms of the studies used (30 of 200), never from left-out ones', () => {
		// (20 + 10) / (100 + 100) = 0.15; study c (no events, left out) does not count.
		expect(controlRisk(rr)).toBeCloseTo(0.15, 12);
	});

	it('gives the absolute effect per 100 people with its interval', () => {
		// 100 x 0.15 x (1.5 - 1) = 7.5; CI 100 x 0.15 x 0.2 = 3 to 100 x 0.15 x 1 = 15.
		const abs = absolutePer100(rr)!;
		expect(abs.est).toBeCloseTo(7.5, 10);
		expect(abs.lo).toBeCloseTo(3, 10);
		expect(abs.hi).toBeCloseTo(15, 10);
		const t = sofTable([claim('x', [rr])], []);
		expect(t.rows[0]!.absolute).toBe('8 more per 100 (3 more to 15 more)');
		expect(t.rows[0]!.effect).toBe('RR 1.50 (95% CI 1.20 to 2.00)');
	});

	it('lists each certainty concern once as a footnote, "not assessable" included, a pass never', () => {
		const md = analysisOf([study('a', -3, 4, 100)], result(-3, [-7, 1], [-7, 1], 1));
		const t = sofTable([claim('x', [md]), claim('y', [md])], []);
		expect(t.notes.map((n) => n.domain)).toEqual(['imprecision', 'inconsistency']);
		expect(t.notes[1]!.text).toMatch(/^not assessable: /);
		expect(t.rows[0]!.notes).toEqual([1, 2]);
		expect(t.rows[1]!.notes).toEqual([1, 2]);
		expect(t.rows[0]!.absolute).toBeNull(); // no absolute effect for a mean difference
	});

	it('gives every cell a text, a dash when there is nothing to show', () => {
		const row = sofTable([claim('x', [rr])], []).rows[0]!;
		expect(sofCells({ ...row, certainty: 'low', people: 1234 })).toEqual({
			effect: 'RR 1.50',
			ci: '(95% CI 1.20 to 2.00)',
			absolute: '8 more per 100 (3 more to 15 more)',
			trials: '2 (1,234)',
			dots: '●●○○',
			certainty: 'low'
		});
		const empty = { ...row, effect: null, absolute: null, trials: null, people: null, certainty: null };
		expect(sofCells(empty)).toEqual({
			effect: '—',
			ci: '',
			absolute: '—',
			trials: '—',
			dots: '',
			certainty: '—'
		});
		expect(sofCells({ ...row, certainty: 'high', people: null, trials: 1 }).dots).toBe('●●●●');
		expect(sofCells({ ...row, certainty: 'very low', people: null, trials: 1 }).trials).toBe('1');
	});

	it('marks the claims an exclusion changes, and only those', () => {
		const withOut = analysisOf(
			[
				study('a', -3, 4, 100),
				study('brinkhaus2006', -5, 4, null, { excluded: true, study: 'Brinkhaus 2006' })
			],
			result(-3, [-7, 1], [-7, 1], 1)
		);
		const other = analysisOf([study('a', -3, 4, 100)], result(-3, [-7, 1], [-7, 1], 1));
		const t = sofTable([claim('x', [withOut]), claim('y', [other])], ['brinkhaus2006']);
		expect(t.rows.map((r) => r.excluded)).toEqual([['Brinkhaus 2006'], []]);
	});
});

describe('patient bottom lines', () => {
	it('say how a difference compares with what most people notice', () => {
		expect(noticeWords(-3, 15)).toBe('too small for most people to notice');
		expect(noticeWords(-8, 15)).toBe(
			'noticeable for some people, less than the 15 points most people notice'
		);
		expect(noticeWords(-20, 15)).toBe('large enough for most people to notice');
		const md = analysisOf([study('a', -2.6, 4, 100)], result(-2.6, [-5.2, -0.1], [-5.2, -0.1], 2));
		expect(bottomLine(claim('x', [md]), { MD: 15, SMD: 0.5 })).toBe(
			'Real acupuncture compared with sham acupuncture: about 3 points less pain on a 0-100 scale: too small for most people to notice.'
		);
	});
});
