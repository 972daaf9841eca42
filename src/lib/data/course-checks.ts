import type { ProblemSink } from './problems';
import type { RowReader } from './row-reader';
import { ARMS } from './schema';
import type { TrialTable } from './table';

/** Longest course accepted, in weeks (two years): a longer value is almost surely a unit mistake. */
export const MAX_COURSE_WEEKS = 104;
/** Most sessions accepted per participant. */
export const MAX_SESSIONS = 200;

const ACU_ONLY =
	'sessions and course_weeks describe the acupuncture course; leave them empty on other arms (docs: CODEBOOK, Course length).';
const WEEKS_HINT =
	'Weeks from the first to the last planned session, e.g. 8 for "12 sessions over 8 weeks"; 3 months = 13. Leave empty when the source does not say.';

/**
 * The optional course-length columns of a trials.csv row (docs/ARCHITECTURE.md section 3.1): `sessions` a whole
 * number from 1 to MAX_SESSIONS, `course_weeks` a number over 0 up to MAX_COURSE_WEEKS. On a row that is not an
 * acupuncture arm they are ignored with a warning. Empty or absent columns give NaN.
 */
export function checkCourse(
	r: RowReader,
	I: Readonly<Record<string, number>>,
	acupuncture: boolean
): { sessions: number; weeks: number } {
	const si = I.sessions ?? -1;
	const wi = I.course_weeks ?? -1;
	let sessions = r.count(si, 'sessions', false, 1);
	let weeks = r.num(wi, 'course_weeks', false);
	if (sessions > MAX_SESSIONS) {
		r.error(
			'sessions',
			r.raw(si),
			`sessions must be at most ${MAX_SESSIONS}, got "${r.raw(si)}"`,
			WEEKS_HINT
		);
		sessions = NaN;
	}
	if (weeks === weeks && !(weeks > 0 && weeks <= MAX_COURSE_WEEKS)) {
		r.error(
			'course_weeks',
			r.raw(wi),
			`course_weeks must be over 0 and at most ${MAX_COURSE_WEEKS}, got "${r.raw(wi)}"`,
			WEEKS_HINT
		);
		weeks = NaN;
	}
	if (!acupuncture && (sessions === sessions || weeks === weeks)) {
		const name = sessions === sessions ? 'sessions' : 'course_weeks';
		r.warn(
			name,
			r.raw(name === 'sessions' ? si : wi),
			`${name} is ignored for an arm that is not acupuncture`,
			ACU_ONLY
		);
		return { sessions: NaN, weeks: NaN };
	}
	return { sessions, weeks };
}

/**
 * The course of one acupuncture arm is one fact: `sessions` and `course_weeks` must agree on every row of a study's
 * acupuncture arm (same `arm_label`). A disagreement is a warning on the first row that differs, once per arm and
 * column (the time course takes the first value it meets).
 */
export function checkCourseAgreement(t: TrialTable, sink: ProblemSink): void {
	const c = t.columns;
	const acu = ARMS.indexOf('acupuncture') + 1;
	const first = new Map<string, number>();
	const reported = new Set<string>();
	const same = (a: number, b: number) => a === b || (a !== a && b !== b);
	for (let i = 0; i < t.length; i++) {
		if (c.arm[i] !== acu) continue;
		const key = `${c.study_id[i]}:${c.arm_label[i]}`;
		const f = first.get(key);
		if (f === undefined) {
			first.set(key, i);
			continue;
		}
		for (const [name, col] of [
			['sessions', c.sessions],
			['course_weeks', c.course_weeks]
		] as const) {
			if (same(col[i]!, col[f]!) || reported.has(`${key}:${name}`)) continue;
			reported.add(`${key}:${name}`);
			const show = (v: number) => (v === v ? String(v) : '(empty)');
			sink.add(
				'warning',
				c.line[i]!,
				name,
				show(col[i]!),
				`${name} differs within the acupuncture arm of study "${t.strings[c.study_id[i]!]}": "${show(col[i]!)}" here, "${show(col[f]!)}" on line ${c.line[f]}`,
				'The course of one arm is the same on every row (every outcome and timepoint); write the same value on each.'
			);
		}
	}
}
