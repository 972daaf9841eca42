import { expect, test } from 'vitest';
import { loadFiles } from '../../../src/cli/summarize';
import { buildNetwork } from '$lib/evidence/network-analysis';
import { networkCertainty } from '$lib/evidence/network-certainty';
import { networkPlainSentences } from '$lib/evidence/network-plain';
import { DEFAULT_SETTINGS } from '$lib/evidence/types';

test('one plain sentence per comparison, with its direction, range, basis and certainty', () => {
	const net = buildNetwork(loadFiles([]).data, DEFAULT_SETTINGS, 'pain', 'chronic', 'short');
	const fit = net.analysis!.components[0]!;
	const rows = networkCertainty(net, fit, 15);
	const s = networkPlainSentences(net, fit, rows);
	expect(s).toHaveLength(rows.length);
	const an = s.find((x) => x.key === 'acupuncture-no_treatment')!.sentence;
	const e = rows.find((r) => r.treatment === 'acupuncture' && r.comparator === 'no_treatment')!;
	expect(an).toContain(`about ${Math.round(-e.estimate)} points on a 0-100 scale lower`);
	expect(an).toContain(`How sure we can be: ${e.level}.`);
	const as = s.find((x) => x.key === 'sham-acupuncture')!.sentence;
	expect(as).toMatch(/^Sham acupuncture compared with real acupuncture/);
	const nu = s.find((x) => x.key === 'usual_care-no_treatment')!.sentence;
	expect(nu).toMatch(/no trial that compared them directly/);
});
