import type { ClaimResult } from '../lib/evidence/claim-context';
import type { Analysis } from '../lib/evidence/types';

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const f = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(1) : x.toFixed(3));

/** A readable plain-text table of every analysis and every claim verdict. */
export function summaryTable(analyses: Analysis[], claims: ClaimResult[]): string {
	const lines = [
		'ANALYSES (estimates on the analysis scale; ratios as logs; negative favours the treatment for continuous outcomes)',
		''
	];
	lines.push(
		pad('id', 58) +
			pad('measure', 8) +
			pad('method', 7) +
			pad('k', 4) +
			pad('estimate', 10) +
			pad('95% CI', 20) +
			pad('95% PI', 20) +
			pad('tau2', 9) +
			'I2'
	);
	for (const a of analyses) {
		const r = a.result;
		if (!r) continue;
		lines.push(
			pad(a.id, 58) +
				pad(a.measure, 8) +
				pad(r.method, 7) +
				pad(String(r.k), 4) +
				pad(f(r.estimate), 10) +
				pad(`${f(r.ci.lower)} to ${f(r.ci.upper)}`, 20) +
				pad(`${f(r.pi.lower)} to ${f(r.pi.upper)}`, 20) +
				pad(f(r.tau2), 9) +
				`${r.i2.toFixed(1)}%`
		);
	}
	lines.push('', 'CLAIMS', '');
	for (const c of claims) {
		lines.push(
			`${c.claim.label}: ${c.verdict.toUpperCase()}${c.certainty ? ` (certainty: ${c.certainty.level})` : ''}`
		);
		lines.push(`  "${c.claim.quote}"`);
		lines.push(`  ${c.sentence}`, '');
	}
	return lines.join('\n');
}
