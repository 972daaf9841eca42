// Network meta-analysis benchmark (issue 13): REML on synthetic networks of 10 treatments with 10% three-arm
// studies, at 100, 300 and 1,000 studies; metafor rma.mv (tests/reference/bench-network.R) fits the same data in the
// same run via Rscript (skipped, with a note, when Rscript is missing). Goal: >= 100x faster than rma.mv at 1,000.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	consistencyModel,
	contrastsMD,
	fitAt,
	networkMetaAnalysis,
	tau2REMLNetwork,
	type ContinuousArmInput
} from '../src/lib/stats/network';

const SIZES = [100, 300, 1000];
const TREATMENTS = Array.from({ length: 10 }, (_, i) => `T${String(i).padStart(2, '0')}`);

interface Arm extends ContinuousArmInput {
	study: string;
}

/**
 * Seeded synthetic network: 32-bit LCG, Box-Muller normals; study i has 3 arms with probability 0.1, treatments
 * drawn without replacement, true effect of T_j = -0.5 j, tau = 1, arm SD 10, n 20-120. Only exercises the engine.
 */
export function syntheticNetwork(k: number, seed = 20240611): Arm[] {
	let s = seed >>> 0;
	const u = () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return (s + 0.5) / 4294967296;
	};
	const z = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
	const arms: Arm[] = [];
	for (let i = 0; i < k; i++) {
		const m = u() < 0.1 ? 3 : 2;
		const pool = [...TREATMENTS.keys()];
		const chosen: number[] = [];
		for (let j = 0; j < m; j++) chosen.push(pool.splice(Math.floor(u() * pool.length), 1)[0]!);
		const base = 50 + 5 * z();
		const study = `S${i + 1}`;
		chosen.forEach((t, j) => {
			const n = 20 + Math.floor(u() * 101);
			const effect = j === 0 ? 0 : -0.5 * t + 0.5 * chosen[0]! + z();
			arms.push({
				study,
				treatment: TREATMENTS[t]!,
				n,
				mean: base + effect + (10 / Math.sqrt(n)) * z(),
				sd: 10
			});
		});
	}
	return arms;
}

function median(x: number[]): number {
	const s = [...x].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function timeIt(f: () => void): { ms: number; runs: number } {
	for (let i = 0; i < 2; i++) f();
	const times: number[] = [];
	let total = 0;
	while (times.length < 5 || (total < 1000 && times.length < 200)) {
		const t0 = performance.now();
		f();
		const dt = performance.now() - t0;
		times.push(dt);
		total += dt;
	}
	return { ms: median(times), runs: times.length };
}

function metafor(
	arms: Arm[],
	reference: string
): { seconds: number; tau2: number; estimate: number[] } | string {
	const dir = mkdtempSync(join(tmpdir(), 'bench-network-'));
	try {
		const file = join(dir, 'network.json');
		writeFileSync(file, JSON.stringify({ reference, arms }));
		const out = execFileSync('Rscript', ['tests/reference/bench-network.R', file], {
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
			timeout: 3_600_000
		});
		const line = out.split('\n').find((l) => l.startsWith('RESULT '));
		return line ? JSON.parse(line.slice(7)) : 'no result from Rscript';
	} catch (e) {
		return `metafor not run (${(e as Error).message.split('\n')[0]})`;
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function benchNetwork(): Promise<void> {
	console.log(
		'\n## Network meta-analysis: 10 treatments, 10% three-arm studies, REML (median of repeated runs)'
	);
	console.log(
		'studies  contrasts   REML fit   full analysis   metafor rma.mv   ratio (fit)   max |diff| tau2, estimates'
	);
	for (const k of SIZES) {
		const arms = syntheticNetwork(k);
		const ids = [...new Set(arms.map((a) => a.study))];
		const studies = ids.map((id) => contrastsMD({ id, arms: arms.filter((a) => a.study === id) }));
		const treatments = [TREATMENTS[0]!, ...TREATMENTS.slice(1)];
		const model = consistencyModel(studies, treatments);
		let tau2 = NaN;
		let beta: number[] = [];
		const fit = timeIt(() => {
			tau2 = tau2REMLNetwork(studies, model).tau2;
			beta = fitAt(studies, model, tau2).beta;
		});
		const full = timeIt(() => networkMetaAnalysis(studies, { method: 'REML', reference: TREATMENTS[0] }));
		const r = metafor(arms, TREATMENTS[0]!);
		const contrasts = studies.reduce((a, s) => a + s.y.length, 0);
		const cols = [
			String(k).padStart(7),
			String(contrasts).padStart(10),
			`${fit.ms.toFixed(2)} ms`.padStart(10),
			`${full.ms.toFixed(2)} ms`.padStart(15)
		];
		if (typeof r === 'string') console.log(`${cols.join(' ')}   ${r}`);
		else {
			const diff = Math.max(Math.abs(r.tau2 - tau2), ...beta.map((b, i) => Math.abs(b - r.estimate[i]!)));
			console.log(
				`${cols.join(' ')} ${`${(r.seconds * 1000).toFixed(0)} ms`.padStart(16)} ${`${Math.round((r.seconds * 1000) / fit.ms)}x`.padStart(13)}   ${diff.toExponential(2)}`
			);
		}
	}
	console.log(
		'(REML fit = tau2 by Fisher scoring + GLS; full analysis adds the league table, design-by-treatment,'
	);
	console.log(' SIDE, P-scores and the contribution matrix. metafor: one rma.mv fit, elapsed time.)');
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await benchNetwork();
