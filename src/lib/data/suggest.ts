/**
 * Words people use for an allowed value, mapped to it: `placebo` is `sham`, a waiting list is `no_treatment`.
 * Checked before spelling distance.
 */
const SYNONYMS: Readonly<Record<string, string>> = {
	placebo: 'sham',
	minimal: 'sham',
	minimal_acupuncture: 'sham',
	sham_acupuncture: 'sham',
	verum: 'acupuncture',
	real: 'acupuncture',
	real_acupuncture: 'acupuncture',
	electroacupuncture: 'acupuncture',
	waiting_list: 'no_treatment',
	waitlist: 'no_treatment',
	wait_list: 'no_treatment',
	none: 'no_treatment',
	no_therapy: 'no_treatment',
	control: 'no_treatment',
	routine_care: 'usual_care',
	standard_care: 'usual_care',
	conventional: 'usual_care',
	conventional_therapy: 'usual_care',
	disability: 'function',
	responders: 'responder',
	response: 'responder',
	adverse_event: 'adverse_events',
	harms: 'adverse_events',
	subacute: 'acute',
	persistent: 'chronic',
	moderate: 'some',
	some_concerns: 'some',
	unclear: 'some',
	non_penetrative: 'non_penetrating',
	nonpenetrating: 'non_penetrating',
	penetrative: 'penetrating',
	lower_is_better: 'lower_better',
	higher_is_better: 'higher_better',
	change_from_baseline: 'change',
	endpoint: 'final',
	yes: 'true',
	no: 'false'
};

/**
 * Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), as in
 * Boytsov 2011, "Indexing methods for approximate dictionary searching", ACM JEA 16.
 * @example editDistance('shame', 'sham') // 1
 */
export function editDistance(a: string, b: string): number {
	const m = a.length;
	const n = b.length;
	let prev2 = new Array<number>(n + 1).fill(0);
	let prev = Array.from({ length: n + 1 }, (_, j) => j);
	let cur = new Array<number>(n + 1).fill(0);
	for (let i = 1; i <= m; i++) {
		cur[0] = i;
		for (let j = 1; j <= n; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
				d = Math.min(d, prev2[j - 2]! + 1);
			cur[j] = d;
		}
		[prev2, prev, cur] = [prev, cur, prev2];
	}
	return prev[n]!;
}

function canonical(s: string): string {
	return s
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
}

/**
 * The allowed value a mistyped value most likely meant, or undefined when none is close: first the same word
 * in other case or with spaces/hyphens for underscores, then a known synonym, then the nearest spelling within
 * a third of the word's length (at least 1, at most 3 edits).
 * @example suggest('shame', ['acupuncture', 'sham', 'no_treatment', 'usual_care']) // 'sham'
 */
export function suggest(value: string, allowed: readonly string[]): string | undefined {
	if (value.length > 100) return undefined;
	const c = canonical(value);
	const exact = allowed.find((a) => canonical(a) === c);
	if (exact !== undefined) return exact;
	const synonym = Object.hasOwn(SYNONYMS, c) ? SYNONYMS[c] : undefined;
	if (synonym !== undefined && allowed.includes(synonym)) return synonym;
	let best: string | undefined;
	let bestDistance = Infinity;
	for (const a of allowed) {
		const d = editDistance(c, canonical(a));
		if (d < bestDistance) [best, bestDistance] = [a, d];
	}
	const limit = Math.min(3, Math.max(1, Math.floor(c.length / 3)));
	return bestDistance <= limit ? best : undefined;
}
