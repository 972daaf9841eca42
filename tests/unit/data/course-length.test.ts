import { describe, expect, it } from 'vitest';
import { MAX_COURSE_WEEKS, MAX_SESSIONS } from '$lib/data/course-checks';
import { lines, parse, trials } from './helpers';

describe('course length columns (sessions, course_weeks)', () => {
	it('reads them on an acupuncture arm, and leaves them null when empty', () => {
		const r = parse(
			trials([
				{ sessions: '12', course_weeks: '8' },
				{ sessions: '', course_weeks: '' }
			])
		);
		expect(r.problems).toEqual([]);
		expect(r.trials.map((t) => [t.sessions, t.course_weeks])).toEqual([
			[12, 8],
			[null, null]
		]);
	});

	it('accepts a file without the columns (they are optional)', () => {
		const text = trials([{}]);
		const [head, row] = text.trimEnd().split('\n');
		const cut = (s: string) => s.split(',').slice(0, -2).join(',');
		const r = parse(`${cut(head!)}\n${cut(row!)}\n`);
		expect(r.problems).toEqual([]);
		expect(r.trials[0]).toMatchObject({ sessions: null, course_weeks: null });
	});

	it('rejects a fractional or zero session count and a course outside (0, MAX] weeks, with the row', () => {
		expect(lines(trials([{ sessions: '2.5' }]))).toEqual([
			'trials.csv:2:sessions: sessions must be a whole number greater than 0, got "2.5"'
		]);
		expect(lines(trials([{ sessions: '0' }]))).toEqual([
			'trials.csv:2:sessions: sessions must be a whole number greater than 0, got "0"'
		]);
		expect(lines(trials([{ sessions: String(MAX_SESSIONS + 1) }]))).toEqual([
			`trials.csv:2:sessions: sessions must be at most ${MAX_SESSIONS}, got "${MAX_SESSIONS + 1}"`
		]);
		expect(lines(trials([{ course_weeks: '0' }]))).toEqual([
			`trials.csv:2:course_weeks: course_weeks must be over 0 and at most ${MAX_COURSE_WEEKS}, got "0"`
		]);
		expect(lines(trials([{ course_weeks: String(MAX_COURSE_WEEKS + 1) }]))).toHaveLength(1);
		expect(lines(trials([{ course_weeks: String(MAX_COURSE_WEEKS) }]))).toEqual([]);
		expect(lines(trials([{ course_weeks: 'eight' }]))).toEqual([
			'trials.csv:2:course_weeks: course_weeks must be a number, got "eight"'
		]);
	});

	it('warns, with both lines, when one acupuncture arm gives two course lengths', () => {
		const text = trials([
			{ course_weeks: '8', arm_label: 'verum' },
			{ course_weeks: '6', arm_label: 'verum', timepoint_weeks: '26' },
			{ course_weeks: '6', arm_label: 'other style', timepoint_weeks: '26' }
		]);
		expect(lines(text)).toEqual([
			'trials.csv:3:course_weeks: warning: course_weeks differs within the acupuncture arm of study "brinkhaus2006": "6" here, "8" on line 2'
		]);
	});

	it('ignores them, with a warning, on an arm that is not acupuncture', () => {
		const r = parse(trials([{ arm: 'no_treatment', comparator: 'waiting_list', sessions: '12' }]));
		expect(r.problems.map((p) => [p.severity, p.column])).toEqual([['warning', 'sessions']]);
		expect(r.trials[0]).toMatchObject({ arm: 'no_treatment', sessions: null, course_weeks: null });
	});
});
