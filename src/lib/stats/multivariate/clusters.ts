/**
 * Rows of a multivariate meta-analysis (one per study x timepoint) grouped into studies ("clusters"), each with
 * its outcomes y_j, design rows X_j, sampling covariance V_j and the inner variable of the random effects.
 * Row order within a study and the order of the studies (first appearance) follow the input.
 */
import { vcalcBlock } from './vcalc';

export interface MvData {
	/** Study of each row (the outer factor of the random effects and the robust-variance cluster). */
	cluster: readonly string[];
	yi: ArrayLike<number>;
	/** Sampling variances (> 0). */
	vi: ArrayLike<number>;
	/** Design matrix, one row of p numbers per estimate (e.g. one indicator per time window). */
	X: readonly (readonly number[])[];
	/** Inner variable of the random effects: weeks for "CAR"; "AR" and "HAR" use its rank among distinct values. */
	time: ArrayLike<number>;
	/** Within-study autocorrelation per unit of `withinTime` (metafor `vcalc(phi =)`). */
	phi: number;
	/** Time variable of the sampling covariance (default: `time`). */
	withinTime?: ArrayLike<number>;
}

export interface Cluster {
	id: string;
	/** Input row indices. */
	rows: number[];
	n: number;
	y: Float64Array;
	/** n x p, row-major. */
	X: Float64Array;
	/** n x n within-study sampling covariance. */
	V: Float64Array;
	/** Inner variable per row, and its 0-based rank among the distinct values of the whole data set. */
	time: Float64Array;
	level: Int32Array;
}

/**
 * Checks the rows and groups them by study. Throws a RangeError naming the row (0-based) and what to fix.
 * @returns the clusters, the number of coefficients p and the sorted distinct values of `time` (the levels).
 */
export function buildClusters(d: MvData): { clusters: Cluster[]; p: number; levels: number[] } {
	const n = d.yi.length;
	const within = d.withinTime ?? d.time;
	if (
		d.cluster.length !== n ||
		d.vi.length !== n ||
		d.X.length !== n ||
		d.time.length !== n ||
		within.length !== n
	)
		throw new RangeError('cluster, yi, vi, X and time must have one entry per row');
	if (n === 0) throw new RangeError('no rows');
	const p = d.X[0]!.length;
	const seen = new Set<string>();
	for (let i = 0; i < n; i++) {
		if (!Number.isFinite(d.yi[i]!)) throw new RangeError(`row ${i}: yi is not a finite number`);
		if (!(Number.isFinite(d.vi[i]!) && d.vi[i]! > 0))
			throw new RangeError(`row ${i}: vi must be finite and > 0`);
		if (!Number.isFinite(d.time[i]!) || !Number.isFinite(within[i]!))
			throw new RangeError(`row ${i}: the time is not a finite number`);
		const x = d.X[i]!;
		if (x.length !== p || !x.every(Number.isFinite))
			throw new RangeError(`row ${i}: the design row must hold ${p} finite numbers`);
		const key = `${d.cluster[i]}\u0000${d.time[i]}`;
		if (seen.has(key))
			throw new RangeError(
				`row ${i}: study "${d.cluster[i]}" has two estimates at time ${d.time[i]}; keep one per timepoint`
			);
		seen.add(key);
	}
	const levels = [...new Set(Array.from(d.time))].sort((a, b) => a - b);
	const rank = new Map(levels.map((t, i) => [t, i]));
	const byId = new Map<string, number[]>();
	for (let i = 0; i < n; i++) {
		const rows = byId.get(d.cluster[i]!);
		if (rows) rows.push(i);
		else byId.set(d.cluster[i]!, [i]);
	}
	const clusters = [...byId].map(([id, rows]): Cluster => {
		const m = rows.length;
		const X = new Float64Array(m * p);
		rows.forEach((r, a) => d.X[r]!.forEach((v, b) => (X[a * p + b] = v)));
		const pick = (v: ArrayLike<number>) => Float64Array.from(rows, (r) => v[r]!);
		const time = pick(d.time);
		return {
			id,
			rows,
			n: m,
			y: pick(d.yi),
			X,
			V: vcalcBlock(pick(d.vi), pick(within), d.phi),
			time,
			level: Int32Array.from(time, (t) => rank.get(t)!)
		};
	});
	return { clusters, p, levels };
}
