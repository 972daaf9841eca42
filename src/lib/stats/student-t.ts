import { invertTail } from './special/invert';
import { betaTails } from './special/betainc';
import { lgamma } from './special/lgamma';
import { pnorm, qnorm } from './normal';

/**
 * P(T > t) for t >= 0 with `df` degrees of freedom:
 *   P(|T| > t) = I_x(df/2, 1/2),  x = df / (df + t^2),  1 - x = t^2 / (df + t^2)   (A&S 26.7.1 and 26.5.27),
 * with ln x = -ln(1 + t^2/df) so that neither x nor 1 - x loses digits. df = 1 (Cauchy) is exact: atan(1/t)/pi.
 */
function upperTail(t: number, df: number): number {
	if (t === Infinity) return 0;
	if (df === 1) return Math.atan2(1, t) / Math.PI;
	const t2 = t * t;
	// Beyond t ~ 1e150, t^2 overflows: ln x = ln df - 2 ln t and ln(1 - x) = 0 to double precision.
	const huge = t > 1e150;
	const logX = huge ? Math.log(df) - 2 * Math.log(t) : -Math.log1p(t2 / df);
	const logY = huge ? 0 : 2 * Math.log(t) - Math.log(df + t2);
	return betaTails(df / 2, 0.5, Math.exp(logX), Math.exp(logY), logX, logY).lower / 2;
}

/** P(T <= t) or P(T > t) for any real t. */
function tail(t: number, df: number, lower: boolean): number {
	if (Number.isNaN(t) || Number.isNaN(df) || !(df > 0)) return NaN;
	if (df === Infinity) return pnorm(t, lower);
	const up = lower ? -t : t; // P(T <= t) = P(T > -t)
	return up >= 0 ? upperTail(up, df) : 1 - upperTail(-up, df);
}

/**
 * Student t distribution function with `df` degrees of freedom, as R's `pt(x, df, lower.tail)`.
 * Source: Abramowitz & Stegun (1964) 26.7.1 (the t distribution as an incomplete beta function).
 * @example pt(-2.178812829667228, 12) // 0.025
 */
export function pt(x: number, df: number, lowerTail = true): number {
	return tail(x, df, lowerTail);
}

/** t >= 0 with P(T > t) = q, 0 < q < 1/2. df = 1 and 2 have closed forms; otherwise invertTail from a
 * Cornish-Fisher start  t ~ z + (z^3 + z) / (4 df) + (5 z^5 + 16 z^3 + 3 z) / (96 df^2)  (A&S 26.7.5). */
function upperQuantile(q: number, df: number): number {
	if (df === 1) return 1 / Math.tan(Math.PI * q);
	if (df === 2) return (1 - 2 * q) / Math.sqrt(2 * q * (1 - q));
	const z = qnorm(q, false);
	const start = z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
	const logConst = lgamma((df + 1) / 2) - lgamma(df / 2) - 0.5 * Math.log(df * Math.PI);
	return invertTail(
		(t) => Math.log(upperTail(t, df)),
		(t) => logConst - ((df + 1) / 2) * Math.log1p((t * t) / df),
		q,
		false,
		start
	);
}

/**
 * Student t quantile with `df` degrees of freedom, as R's `qt(p, df, lower.tail)`, solved on the tail that holds
 * p (see invertTail), so it is exact to ~1e-14 relative for any p.
 * @example qt(0.975, 12) // 2.178812829667228
 */
export function qt(p: number, df: number, lowerTail = true): number {
	if (Number.isNaN(p) || p < 0 || p > 1 || Number.isNaN(df) || !(df > 0)) return NaN;
	if (df === Infinity) return qnorm(p, lowerTail);
	if (p === 0) return lowerTail ? -Infinity : Infinity;
	if (p === 1) return lowerTail ? Infinity : -Infinity;
	const q = p < 0.5 ? -upperQuantile(p, df) : p === 0.5 ? 0 : upperQuantile(1 - p, df);
	return lowerTail ? q : -q;
}
