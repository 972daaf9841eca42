/**
 * One plain sentence per comparison of a network (patient view): what the network estimate says, how wide the
 * range is, what it rests on and how sure we can be (CINeMA certainty).
 */
import type { NetworkFit } from '$lib/stats/network';
import type { NetworkCertaintyRow } from './network-certainty';
import type { OutcomeNetwork } from './network-analysis';
import { NODE_LABELS, type NodeId } from './network-nodes';

const name = (id: string) => NODE_LABELS[id as NodeId] ?? id;
const r0 = (x: number) => Math.round(Math.abs(x));

/**
 * @example "Real acupuncture compared with no treatment: pain about 20 points lower on a 0-100 scale (between 14
 * and 26 lower), from 3 trials, direct and indirect. Certainty: low."
 */
export function networkPlainSentences(
	network: OutcomeNetwork,
	fit: NetworkFit,
	rows: readonly NetworkCertaintyRow[]
): { key: string; sentence: string }[] {
	const what =
		network.outcome === 'pain'
			? 'pain'
			: network.outcome === 'function'
				? 'disability'
				: 'the chance of improving';
	return rows.map((r) => {
		const side = fit.side.find(
			(s) =>
				(s.treatment === r.treatment && s.comparator === r.comparator) ||
				(s.treatment === r.comparator && s.comparator === r.treatment)
		)!;
		const basis =
			side.kind === 'direct and indirect'
				? 'trials that compared them and trials that reached them through other treatments'
				: side.kind === 'indirect only'
					? 'no trial that compared them directly, only through other treatments'
					: 'trials that compared them directly';
		let effect: string;
		if (network.measure === 'RR') {
			const [e, lo, hi] = [r.estimate, r.ci.lower, r.ci.upper].map(Math.exp) as [number, number, number];
			effect = `${what} ${e.toFixed(2)} times as high (between ${lo.toFixed(2)} and ${hi.toFixed(2)} times)`;
		} else {
			const unit = network.measure === 'MD' ? ' points on a 0-100 scale' : ' standard deviations';
			const dir = (x: number) => (x < 0 ? 'lower' : 'higher');
			const crosses = r.ci.lower < 0 && r.ci.upper > 0;
			const size = network.measure === 'MD' ? String(r0(r.estimate)) : Math.abs(r.estimate).toFixed(1);
			const lo = network.measure === 'MD' ? String(r0(r.ci.lower)) : Math.abs(r.ci.lower).toFixed(1);
			const hi = network.measure === 'MD' ? String(r0(r.ci.upper)) : Math.abs(r.ci.upper).toFixed(1);
			effect = crosses
				? `${what} about ${size}${unit} ${dir(r.estimate)}, but it could be ${lo} ${dir(r.ci.lower)} or ${hi} ${dir(r.ci.upper)}, so no clear difference`
				: `${what} about ${size}${unit} ${dir(r.estimate)} (between ${lo} and ${hi} ${dir(r.estimate)})`;
		}
		const first = name(r.treatment);
		return {
			key: `${r.treatment}-${r.comparator}`,
			sentence: `${first.charAt(0).toUpperCase()}${first.slice(1)} compared with ${name(r.comparator)}: ${effect}, based on ${basis}. How sure we can be: ${r.level}.`
		};
	});
}
