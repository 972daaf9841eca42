/**
 * Covariance of a study's true effects over time (metafor `rma.mv(random = ~ time | study, struct = )`):
 * - "CAR" (continuous-time AR): G_ab = tau^2 rho^|t_a - t_b|, t in the time unit (weeks), 0 <= rho <= 1;
 * - "AR": G_ab = tau^2 rho^|l_a - l_b|, l = rank of the time among all distinct times of the data, -1 < rho < 1;
 * - "HAR" (heteroscedastic AR): G_ab = tau_{l_a} tau_{l_b} rho^|l_a - l_b|, one tau^2 per distinct time.
 * Parameters are optimised on metafor's scale: theta = log tau^2 (each), and rho = plogis(theta) for CAR,
 * tanh(theta) for AR and HAR. Source: metafor 3.8-1 `?rma.mv` ("Specifying Random Effects") and its `.con.E`.
 */
import type { Cluster } from './clusters';

export type MvStruct = 'CAR' | 'AR' | 'HAR';

export interface VarianceParameters {
	/** tau^2 (one value; one per distinct time, in increasing time order, for HAR). */
	tau2: number[];
	rho: number;
}

/** Number of optimised parameters: tau^2 (x levels for HAR) and rho. */
export const parameterCount = (struct: MvStruct, nLevels: number): number =>
	struct === 'HAR' ? nLevels + 1 : 2;

/** theta -> (tau^2, rho), with d rho / d theta. */
export function unpack(struct: MvStruct, theta: ArrayLike<number>): VarianceParameters & { drho: number } {
	const k = theta.length;
	const tau2 = Array.from({ length: k - 1 }, (_, i) => Math.exp(theta[i]!));
	const r = theta[k - 1]!;
	if (struct === 'CAR') {
		const rho = 1 / (1 + Math.exp(-r));
		return { tau2, rho, drho: rho * (1 - rho) };
	}
	const rho = Math.tanh(r);
	return { tau2, rho, drho: 1 - rho * rho };
}

/** (tau^2, rho) -> theta (inverse of `unpack`). */
export function pack(struct: MvStruct, par: VarianceParameters): Float64Array {
	const r = struct === 'CAR' ? Math.log(par.rho / (1 - par.rho)) : Math.atanh(par.rho);
	return Float64Array.from([...par.tau2.map(Math.log), r]);
}

/**
 * G_j (n x n) of one study and, when asked, dG_j / dtheta_k for every parameter k.
 * Derivatives: dG/dlog tau^2 = G (CAR, AR); for HAR dG_ab/dlog tau^2_m = G_ab ([l_a = m] + [l_b = m]) / 2;
 * dG_ab/dtheta_rho = (scale) d rho^|d| / d rho * drho/dtheta with d rho^d / d rho = d rho^(d - 1).
 */
export function studyG(
	struct: MvStruct,
	par: VarianceParameters & { drho: number },
	c: Cluster,
	derivatives: boolean
): { G: Float64Array; dG: Float64Array[] } {
	const n = c.n;
	const G = new Float64Array(n * n);
	const np = par.tau2.length + 1;
	const dG = derivatives ? Array.from({ length: np }, () => new Float64Array(n * n)) : [];
	const { rho, drho } = par;
	// symmetric: fill b >= a and mirror
	for (let a = 0; a < n; a++)
		for (let b = a; b < n; b++) {
			const la = c.level[a]!;
			const lb = c.level[b]!;
			const d = struct === 'CAR' ? Math.abs(c.time[a]! - c.time[b]!) : Math.abs(la - lb);
			const scale = struct === 'HAR' ? Math.sqrt(par.tau2[la]! * par.tau2[lb]!) : par.tau2[0]!;
			const pow1 = d === 0 ? 1 : rho ** (d - 1);
			const g = scale * (d === 0 ? 1 : pow1 * rho);
			const ab = a * n + b;
			const ba = b * n + a;
			G[ab] = G[ba] = g;
			if (!derivatives) continue;
			if (struct === 'HAR') {
				dG[la]![ab]! += g / 2;
				dG[lb]![ab]! += g / 2;
				if (ab !== ba) {
					dG[la]![ba]! += g / 2;
					dG[lb]![ba]! += g / 2;
				}
			} else dG[0]![ab] = dG[0]![ba] = g;
			dG[np - 1]![ab] = dG[np - 1]![ba] = d === 0 ? 0 : scale * d * pow1 * drho;
		}
	return { G, dG };
}
