import { describe, expect, it } from 'vitest';
import { brief } from '../../src/lib/components/educator/brief';

describe('brief (handout findings)', () => {
	it('keeps a short text whole', () => {
		expect(brief('Pain was 2.6 points lower (95% CI 5.2 to 0.1 lower).', 100)).toBe(
			'Pain was 2.6 points lower (95% CI 5.2 to 0.1 lower).'
		);
	});
	it('keeps whole sentences up to the limit, never cutting a decimal number', () => {
		const t = 'Pain was 2.6 points lower. The interval is 0.1 to 5.2 wide. A third sentence follows here.';
		expect(brief(t, 62)).toBe('Pain was 2.6 points lower. The interval is 0.1 to 5.2 wide.');
		expect(brief(t, 30)).toBe('Pain was 2.6 points lower.');
	});
	it('cuts a first sentence longer than the limit at a word, with an ellipsis', () => {
		expect(brief('Real acupuncture versus no treatment across several weeks of follow-up.', 30)).toBe(
			'Real acupuncture versus no…'
		);
	});
});
