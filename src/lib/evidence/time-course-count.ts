import type { Dataset } from '$lib/data/types';

/**
 * Rows before this many weeks are "immediate" (minutes to days after a session) and stay out of the time course.
 * In a module of its own (no engine imports) so the page can decide where to compute without loading the engine.
 */
export const FIRST_TIME_COURSE_WEEK = 1;

/** Trials with continuous outcomes from week 1 on: what the time-course model's cost grows with. */
export function timeCourseStudies(data: Dataset): number {
	const ids = new Set<string>();
	for (const r of data.trials)
		if ((r.outcome === 'pain' || r.outcome === 'function') && r.timepoint_weeks >= FIRST_TIME_COURSE_WEEK)
			ids.add(r.study_id);
	return ids.size;
}
