/**
 * Heterogeneity of a network: Q of the common-effect consistency model on N - p degrees of freedom and
 * I^2 = max(0, (Q - df) / Q), with the Higgins & Thompson (2002) interval that netmeta reports:
 * H = sqrt(Q / df), se(log H) = (log Q - log df) / (2 (sqrt(2Q) - sqrt(2 df - 1))) if Q > df + 1, else
 * sqrt(1 / (2 (df - 1)) (1 - 1 / (3 (df - 1)^2))); H limits exp(log H -/+ z se) (at least 1), I^2 = (H^2 - 1) / H^2.
 * Source: Higgins & Thompson (2002) Stat Med 21:1539, appendix; Balduzzi et al. (2023) J Stat Softw 106(2).
 */
import { pchisq } from '../distributions';
import { zCrit } from '../interval';
import type { NetworkHeterogeneity } from './types';

/**
 * @example networkHeterogeneity(48.1526, 27) // i2 43.93, i2Ci 12.3 to 64.2 (Stowe 2010, netmeta)
 */
export function networkHeterogeneity(q: number, df: number, level = 95): NetworkHeterogeneity {
	if (!Number.isFinite(q)) throw new RangeError('Q is not finite');
	const p = df > 0 ? pchisq(q, df, false) : 1;
	const i2 = df > 0 && q > 0 ? Math.max(0, (100 * (q - df)) / q) : 0;
	let se: number | null = null;
	if (df > 0 && q > df + 1)
		se = (Math.log(q) - Math.log(df)) / (2 * (Math.sqrt(2 * q) - Math.sqrt(2 * df - 1)));
	else if (df > 1) se = Math.sqrt((1 / (2 * (df - 1))) * (1 - 1 / (3 * (df - 1) ** 2)));
	if (se === null) return { q, df, p, i2, i2Ci: null };
	const logH = 0.5 * Math.log(Math.max(q / df, 1));
	const z = zCrit(level);
	const toI2 = (h: number) => (100 * (h * h - 1)) / (h * h);
	const lower = Math.max(1, Math.exp(logH - z * se));
	const upper = Math.max(1, Math.exp(logH + z * se));
	return { q, df, p, i2, i2Ci: { lower: toI2(lower), upper: toI2(upper) } };
}
