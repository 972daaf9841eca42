/**
 * Maximises a smooth function with its gradient by BFGS (inverse-Hessian update, Nocedal & Wright, Numerical
 * Optimization, 2nd ed., algorithm 6.1) with a backtracking Armijo line search, inside a box (steps are projected
 * onto it; a coordinate held at a bound by its gradient does not count against convergence). The iteration count
 * is bounded; a point where the function is undefined (null or non-finite) is treated as a failed step.
 */

export interface Objective {
	value: number;
	grad: Float64Array;
}

export interface OptimResult {
	x: Float64Array;
	value: number;
	iterations: number;
	converged: boolean;
	/** Coordinates that ended on a bound. */
	atBound: number[];
}

export interface BfgsOptions {
	maxIterations?: number;
	/** Convergence when every free gradient component is below this. */
	gradTol?: number;
	lower?: number;
	upper?: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Maximises f from x0; f returns null where it is undefined. */
export function bfgsMax(
	f: (x: Float64Array) => Objective | null,
	x0: ArrayLike<number>,
	options: BfgsOptions = {}
): OptimResult {
	const { maxIterations = 200, gradTol = 1e-7, lower = -30, upper = 30 } = options;
	const n = x0.length;
	let x = Float64Array.from(x0, (v) => clamp(v, lower, upper));
	let cur = f(x);
	if (!cur || !Number.isFinite(cur.value))
		throw new RangeError('the starting point of the optimiser is not valid');
	let H = identity(n);
	const free = (g: Float64Array, i: number) =>
		!((x[i]! <= lower && g[i]! < 0) || (x[i]! >= upper && g[i]! > 0));
	let iterations = 0;
	let converged = false;
	for (; iterations < maxIterations; iterations++) {
		const g = cur.grad;
		if (g.every((gi, i) => !free(g, i) || Math.abs(gi) < gradTol)) {
			converged = true;
			break;
		}
		let d = mulVec(H, g, n).map((v, i) => (free(g, i) ? v : 0));
		let slope = dot(g, d);
		if (!(slope > 0)) {
			H = identity(n);
			d = g.map((v, i) => (free(g, i) ? v : 0));
			slope = dot(g, d);
		}
		let t = iterations === 0 ? Math.min(1, 1 / Math.sqrt(dot(d, d))) : 1;
		let next: Objective | null = null;
		let xn = x;
		for (let h = 0; h < 60; h++, t /= 2) {
			xn = x.map((v, i) => clamp(v + t * d[i]!, lower, upper));
			next = f(xn);
			if (next && Number.isFinite(next.value) && next.value >= cur.value + 1e-4 * t * slope) break;
			next = null;
		}
		if (!next) break; // no ascent along the direction: stop where we are (converged stays false)
		const s = xn.map((v, i) => v - x[i]!);
		const y = next.grad.map((v, i) => -(v - g[i]!));
		const sy = dot(s, y);
		if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) H = bfgsUpdate(H, s, y, sy, n);
		x = xn;
		cur = next;
	}
	const atBound: number[] = [];
	x.forEach((v, i) => (v <= lower || v >= upper) && atBound.push(i));
	return { x, value: cur.value, iterations, converged, atBound };
}

function identity(n: number): Float64Array {
	const h = new Float64Array(n * n);
	for (let i = 0; i < n; i++) h[i * n + i] = 1;
	return h;
}

const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
	let s = 0;
	for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
	return s;
};

function mulVec(h: Float64Array, g: Float64Array, n: number): Float64Array {
	const out = new Float64Array(n);
	for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i]! += h[i * n + j]! * g[j]!;
	return out;
}

/** H+ = (I - r s y') H (I - r y s') + r s s', r = 1 / (y's), for minimising -f (y = change of its gradient). */
function bfgsUpdate(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): Float64Array {
	const r = 1 / sy;
	const hy = mulVec(H, y, n);
	const yhy = dot(y, hy);
	const out = new Float64Array(n * n);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < n; j++)
			out[i * n + j] =
				H[i * n + j]! - r * (hy[i]! * s[j]! + s[i]! * hy[j]!) + (r * r * yhy + r) * s[i]! * s[j]!;
	return out;
}
