import type { Dataset } from '$lib/data/types';
import type { ClaimResult } from './claim-context';
import type { OutcomeNetwork } from './network-analysis';
import { rScript } from './r-script';
import { summaryJson } from './report';
import type { Analysis, AnalysisSettings } from './types';

/** The clinician's reproducible analysis: settings, data and results as JSON, and the metafor R script. */
export function reproducibleBundle(
	controls: object,
	settings: AnalysisSettings,
	analyses: Analysis[],
	claims: ClaimResult[],
	data: Dataset,
	networks: readonly OutcomeNetwork[] = []
): { json: string; r: string } {
	const summary = summaryJson(settings, analyses, claims, data, networks);
	const strip = <T extends { line: number }>(rows: T[]) => rows.map(({ line: _line, ...r }) => r);
	const json = JSON.stringify(
		{
			settings: controls,
			data: { trials: strip(data.trials), contrasts: strip(data.contrasts) },
			...summary
		},
		null,
		1
	);
	return { json, r: rScript(summary) };
}
