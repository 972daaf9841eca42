// Full recompute benchmark (docs/ARCHITECTURE.md section 7: a control change must update every chart within one 50 ms task on the
// bundled data): every analysis (buildAnalyses) and every claim verdict (evaluateClaims) with the time-course model
// (timeCourseData: rma.mv per comparison at three correlations), as the page does.
import { loadFiles } from '../src/cli/summarize';
import { buildAnalyses } from '../src/lib/evidence/analyses';
import { bundledClaims } from '../src/lib/evidence/claims';
import { evaluateClaims } from '../src/lib/evidence/evaluate';
import { DEFAULT_MIDS } from '../src/lib/evidence/mid';
import { buildNetworks } from '../src/lib/evidence/network-analysis';
import { timeCourseData } from '../src/lib/evidence/time-points';
import { DEFAULT_SETTINGS, type AnalysisSettings } from '../src/lib/evidence/types';

export async function benchEvidence(): Promise<void> {
	const { data } = loadFiles([]);
	const mids = {
		MD: DEFAULT_MIDS.MD.value,
		SMD: DEFAULT_MIDS.SMD.value,
		RR: DEFAULT_MIDS.RR.value,
		OR: DEFAULT_MIDS.OR.value,
		RD: DEFAULT_MIDS.RD.value
	};
	const settings: AnalysisSettings[] = (['REML', 'DL', 'PM', 'FE'] as const).map((method) => ({
		...DEFAULT_SETTINGS,
		method
	}));
	const times: number[] = [];
	const withoutModel: number[] = [];
	let analyses = 0;
	for (let i = 0; i < 200; i++) {
		const s = settings[i % settings.length]!;
		const t0 = performance.now();
		const all = buildAnalyses(data, s);
		evaluateClaims(bundledClaims.claims, all, { mids }, buildNetworks(data, s), timeCourseData(data, s));
		times.push(performance.now() - t0);
		// The same without the data: the time course from the window analyses only (one timepoint per window).
		const t1 = performance.now();
		evaluateClaims(bundledClaims.claims, buildAnalyses(data, s), { mids });
		withoutModel.push(performance.now() - t1);
		analyses = all.length;
	}
	times.sort((a, b) => a - b);
	withoutModel.sort((a, b) => a - b);
	const q = (p: number, t = times) => t[Math.floor(p * (t.length - 1))]!.toFixed(2);
	console.log(
		`\n## Full recompute on the bundled data (${data.trials.length + data.contrasts.length} rows, ${analyses} analyses, ${bundledClaims.claims.length} claims)`
	);
	console.log(
		`median ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms over ${times.length} runs (budget: 50 ms per control change)`
	);
	console.log(
		`without the time-course rows from the data (claims from the window analyses only): median ${q(0.5, withoutModel)} ms, p95 ${q(0.95, withoutModel)} ms`
	);
}
