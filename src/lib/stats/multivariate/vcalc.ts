/**
 * Within-study sampling covariance between timepoints, as metafor's
 * `vcalc(vi, cluster = study, time1 = week, phi = phi)`: for two estimates of one study measured at times t_i and
 * t_j, cov_ij = phi^|t_i - t_j| sqrt(v_i v_j) (phi is the autocorrelation for one unit of time; `?vcalc`,
 * "Details", item 4). Estimates of different studies are independent, so the full matrix is block diagonal.
 * Source: metafor 3.8-1 `?vcalc`; checked against its output in tests/fixtures/time/ishak2007.json.
 */

/**
 * The n x n covariance block (row-major) of one study's estimates.
 * @example vcalcBlock([4, 9], [1, 3], 0.5) // Float64Array [4, 1.5, 1.5, 9] (0.5^2 * sqrt(4 * 9) = 1.5)
 */
export function vcalcBlock(vi: ArrayLike<number>, time: ArrayLike<number>, phi: number): Float64Array {
	if (!(phi >= 0 && phi < 1))
		throw new RangeError(`within-study correlation phi must be in [0, 1), got ${phi}`);
	const n = vi.length;
	const v = new Float64Array(n * n);
	for (let i = 0; i < n; i++)
		for (let j = 0; j < n; j++) {
			const dt = Math.abs(time[i]! - time[j]!);
			v[i * n + j] = phi ** dt * Math.sqrt(vi[i]! * vi[j]!); // 0 ** 0 = 1 on the diagonal
		}
	return v;
}
