/**
 * What "finite output" means for the `summarize --json` contract (issue 16): every number finite, no null except
 * a claim's certainty (no rating for "no trial data"), no "NaN" or "Infinity" in any text, and never an
 * inconclusive verdict rated at high certainty (the sign of NaN comparisons in the GRADE rules).
 * @returns the paths of the offending values (empty when the output is clean)
 */
export function nonFinite(out: unknown): string[] {
	const bad: string[] = [];
	const walk = (v: unknown, path: string, key: string) => {
		if (typeof v === 'number') {
			if (!Number.isFinite(v)) bad.push(`${path} = ${v}`);
		} else if (v === null || v === undefined) {
			// The time course says "not estimated" with null (a week without a robust interval, no regression).
			if (key !== 'certainty' && !path.startsWith('$.time_course')) bad.push(`${path} = ${v}`);
		} else if (typeof v === 'string') {
			if (/\bNaN\b|Infinity/.test(v)) bad.push(`${path} = "${v}"`);
		} else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`, key));
		else if (typeof v === 'object') {
			const o = v as Record<string, unknown>;
			if (o.verdict === 'inconclusive' && o.certainty === 'high')
				bad.push(`${path}: inconclusive (certainty: high)`);
			for (const [k, x] of Object.entries(o)) walk(x, `${path}.${k}`, k);
		}
	};
	walk(out, '$', '');
	return bad;
}
