import type { Analysis } from './types';

/**
 * Studies in an analysis, whether or not the page holds all of them (`summary`: the worker sent only the rows the
 * page draws). Its own module, with no other imports, so charts at first load read it without the engine.
 */
export function studyCount(a: Pick<Analysis, 'studies' | 'summary'>): number {
	return a.summary?.studies ?? a.studies.length;
}

/** Ids of the trials that enter at least one pooled analysis (not left out by rule). */
export function analysedTrials(analyses: readonly Analysis[]): Set<string> {
	const out = new Set<string>();
	for (const a of analyses) if (a.result) for (const s of a.studies) if (!s.leftOut) out.add(s.study_id);
	return out;
}
