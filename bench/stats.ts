// Maths benchmark (docs/ARCHITECTURE.md section 7): REML random-effects fits (metafor-exact Fisher scoring, O(k) per iteration) at
// k = 10, 100, 1000, 10000 on seeded synthetic data. tests/reference/bench-rma.R times metafor's rma() on the
// same data (same generator), so the two can be compared; the goal is >= 100x faster than rma() at k = 1000.
import { rma } from '../src/lib/stats';

const KS = [10, 100, 1000, 10000];

/**
 * Synthetic meta-analysis of k studies shared with tests/reference/bench-rma.R: a 32-bit LCG
 * (s <- (1664525 s + 1013904223) mod 2^32, u = (s + 0.5) / 2^32), vi = 0.01 + 0.49 u,
 * yi = 0.2 + sqrt(vi + 0.1) z with z by Box-Muller. The numbers only exercise the engine.
 */
export function syntheticMeta(k: number, seed = 20240611): { yi: Float64Array; vi: Float64Array } {
	let s = seed >>> 0;
	const u = () => {
		s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
		return (s + 0.5) / 4294967296;
	};
	const yi = new Float64Array(k);
	const vi = new Float64Array(k);
	for (let i = 0; i < k; i++) {
		vi[i] = 0.01 + 0.49 * u();
		const z = Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
		yi[i] = 0.2 + Math.sqrt(vi[i]! + 0.1) * z;
	}
	return { yi, vi };
}

function median(x: number[]): number {
	const s = [...x].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Prints the median wall time of rma(method = "REML") per k (repeated until ~0.5 s or 2000 runs, at least 7). */
export async function benchStats(): Promise<void> {
	console.log('Maths: REML random-effects model (rma), median of repeated runs');
	console.log('      k   median time    runs   tau2');
	for (const k of KS) {
		const { yi, vi } = syntheticMeta(k);
		for (let i = 0; i < 3; i++) rma(yi, vi); // warm-up
		const times: number[] = [];
		let total = 0;
		let tau2 = NaN;
		while (times.length < 7 || (total < 500 && times.length < 2000)) {
			const t0 = performance.now();
			tau2 = rma(yi, vi).tau2;
			const dt = performance.now() - t0;
			times.push(dt);
			total += dt;
		}
		const med = median(times);
		const shown = med < 1 ? `${(med * 1000).toFixed(1)} us` : `${med.toFixed(3)} ms`;
		console.log(
			`${String(k).padStart(7)} ${shown.padStart(13)} ${String(times.length).padStart(7)}   ${tau2.toFixed(6)}`
		);
	}
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) await benchStats();
