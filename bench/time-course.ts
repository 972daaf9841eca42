// Time-course benchmark (issue 14): the multivariate REML model over timepoints (struct = "CAR", one mean per
// window, within-study correlation 0.7) on 1,000 seeded synthetic trials x 6 timepoints, then its CR2 robust
// intervals, against metafor's rma.mv and robust(clubSandwich = TRUE) on the same rows in the same run
// (tests/reference/bench-time-course.R, skipped when Rscript with metafor is missing). Reported, never enforced.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	cr2,
	rmaMv,
	robustCoefficients,
	windowDesign,
	type MvData,
	type TimePointRow
} from '../src/lib/stats/multivariate';

const WEEKS = [2, 4, 8, 12, 26, 52];
const PHI = 0.7;

/**
 * Seeded synthetic time courses: 32-bit LCG uniforms, Box-Muller normals; true mean -2 at week 2 building to -10
 * at week 8 and fading to -4 at week 52, study deviations tau^2 9 with correlation 0.9^|dt| (drawn as an AR walk
 * over the trial's weeks), sampling variances 2 to 10 with independent errors (the numbers only exercise the engine).
 */
export function syntheticTimeCourse(trials: number, seed = 20240611): TimePointRow[] {
	let s = seed >>> 0;
	const u = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
	const normal = () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
	const truth = (w: number) => (w <= 8 ? -2 - (8 * (w - 2)) / 6 : -10 + (6 * (w - 8)) / 44);
	const rows: TimePointRow[] = [];
	for (let t = 0; t < trials; t++) {
		let dev = 3 * normal();
		WEEKS.forEach((week, i) => {
			if (i > 0) {
				const r = 0.9 ** (week - WEEKS[i - 1]!);
				dev = r * dev + Math.sqrt(1 - r * r) * 3 * normal();
			}
			const vi = 2 + 8 * u();
			rows.push({ study: `T${t}`, week, yi: truth(week) + dev + Math.sqrt(vi) * normal(), vi });
		});
	}
	return rows;
}

function median(x: number[]): number {
	const v = [...x].sort((a, b) => a - b);
	const m = v.length >> 1;
	return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

const maxRel = (a: number[], b: number[]) =>
	Math.max(...a.map((v, i) => Math.abs(v - b[i]!) / Math.abs(b[i]!)));

export async function benchTimeCourse(trials = Number(process.env.TIME_TRIALS ?? 1000)): Promise<void> {
	const rows = syntheticTimeCourse(trials);
	console.log(
		`Time course: rma.mv CAR (REML) + CR2, ${trials} trials x ${WEEKS.length} timepoints, phi ${PHI}`
	);
	const design = windowDesign(rows.map((r) => r.week));
	const data: MvData = {
		cluster: rows.map((r) => r.study),
		yi: rows.map((r) => r.yi),
		vi: rows.map((r) => r.vi),
		X: design.X,
		time: rows.map((r) => r.week),
		phi: PHI
	};
	let f = rmaMv(data); // warm-up
	let rob = robustCoefficients(cr2(f));
	const fitTimes: number[] = [];
	const robTimes: number[] = [];
	for (let i = 0; i < 5; i++) {
		const t0 = performance.now();
		f = rmaMv(data);
		const t1 = performance.now();
		rob = robustCoefficients(cr2(f));
		robTimes.push(performance.now() - t1);
		fitTimes.push(t1 - t0);
	}
	const ts = { fit: median(fitTimes) / 1000, robust: median(robTimes) / 1000 };
	console.log(
		`  TypeScript  fit ${ts.fit.toFixed(3)} s (${f.iterations} BFGS iterations, converged ${f.converged}), CR2 ${ts.robust.toFixed(3)} s; tau2 ${f.tau2[0]!.toFixed(6)}, rho ${f.rho.toFixed(6)}`
	);
	const dir = mkdtempSync(join(tmpdir(), 'bench-time-'));
	const csv = join(dir, 'rows.csv');
	const win = (w: number) => `w${String(w).padStart(2, '0')}`;
	writeFileSync(
		csv,
		'study,week,window,yi,vi\n' +
			rows
				.map((r) => `${r.study},${r.week},${win(r.week)},${r.yi.toPrecision(17)},${r.vi.toPrecision(17)}`)
				.join('\n')
	);
	const r = spawnSync('Rscript', ['tests/reference/bench-time-course.R', csv, String(PHI)], {
		encoding: 'utf8'
	});
	if (r.status !== 0) {
		console.log(`  metafor: not run (${r.error?.message ?? r.stderr.trim().split('\n').pop()})`);
		return;
	}
	const m = JSON.parse(r.stdout) as {
		metafor: string;
		fit_s: number;
		robust_s: number;
		beta: number[];
		tau2: number;
		rho: number;
		logLik: number;
		robust_se: number[];
	};
	console.log(
		`  metafor ${m.metafor} fit ${m.fit_s.toFixed(3)} s (sparse = TRUE), robust(clubSandwich) ${m.robust_s.toFixed(3)} s; tau2 ${m.tau2.toFixed(6)}, rho ${m.rho.toFixed(6)}`
	);
	console.log(
		`  ratio (metafor / TypeScript): fit ${(m.fit_s / ts.fit).toFixed(0)}x, CR2 ${(m.robust_s / ts.robust).toFixed(0)}x`
	);
	console.log(
		`  agreement: beta ${maxRel(
			f.coefficients.map((c) => c.estimate),
			m.beta
		).toExponential(
			1
		)}, tau2 ${maxRel(f.tau2, [m.tau2]).toExponential(1)}, rho ${maxRel([f.rho], [m.rho]).toExponential(1)} (max relative difference); logLik TS - metafor ${(f.logLik - m.logLik).toExponential(1)}; CR2 SE ${maxRel(
			rob.map((x) => x.se),
			m.robust_se
		).toExponential(1)}`
	);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await benchTimeCourse();
