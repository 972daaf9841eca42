import type { RowReader } from './row-reader';

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
