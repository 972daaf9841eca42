import { describe, expect, it } from 'vitest';
import { isStepKey, slideAction } from '../../../src/lib/components/educator/keys';
import { settingsText } from '../../../src/lib/components/educator/settings-text';
import { clampSlide, slideLabel, tallyText } from '../../../src/lib/components/educator/slides';
import type { ClaimResult } from '../../../src/lib/evidence/claim-context';
import type { Verdict } from '../../../src/lib/evidence/verdicts';
import { DEFAULT_CONTROLS } from '../../../src/lib/state/url-params';

const result = (label: string, verdict: Verdict) =>
	({
		claim: { label },
		verdict,
		certainty: null,
		sentence: '',
		analyses: [],
		extra: {}
	}) as unknown as ClaimResult;

describe('slides', () => {
	it.each([
		[-3, 0],
		[0, 0],
		[2.7, 2],
		[16, 16],
		[40, 16],
		[Number.NaN, 0]
	])('clampSlide(%s, 17) is %s', (n, expected) => {
		expect(clampSlide(n, 17)).toBe(expected);
	});

	it('labels the title, each claim, the network and the closing slide', () => {
		const rs = [result('A', 'supported'), result('B', 'not testable')];
		expect([0, 1, 2, 3, 4].map((i) => slideLabel(i, rs))).toEqual([
			'Checking the claims against the trials',
			'A',
			'B',
			'All the trials in one network',
			'What this means'
		]);
	});

	it('counts the verdicts in the order of the vocabulary', () => {
		const rs = [
			result('a', 'not testable'),
			result('b', 'supported'),
			result('c', 'inconclusive'),
			result('d', 'supported')
		];
		expect(tallyText(rs)).toBe('2 supported, 1 inconclusive and 1 not testable');
		expect(tallyText(rs.slice(0, 1))).toBe('1 not testable');
	});
});

describe('settingsText', () => {
	it('says the outcome, population, time, estimator and MID of the default view', () => {
		expect(settingsText(DEFAULT_CONTROLS)).toBe(
			'Results for pain in chronic back pain, up to 3 months after the start of treatment; random-effects meta-analysis (REML); smallest important difference 15 points out of 100.'
		);
	});

	it('names Hartung-Knapp, SMD thresholds and left-out trials', () => {
		const text = settingsText({
			...DEFAULT_CONTROLS,
			outcome: 'function',
			method: 'DL',
			test: 'knha',
			excluded: ['x', 'y']
		});
		expect(text).toContain('back function');
		expect(text).toContain('DerSimonian-Laird) with Hartung-Knapp intervals');
		expect(text).toContain('0.5 standard deviations');
		expect(text).toContain('2 trial(s) left out by hand');
	});
});

describe('keys', () => {
	const ev = (key: string, target: EventTarget = document.body, init: KeyboardEventInit = {}) => {
		const e = new KeyboardEvent('keydown', { key, cancelable: true, ...init });
		Object.defineProperty(e, 'target', { value: target });
		return e;
	};

	it('maps the arrow, page and Home/End keys to slide moves', () => {
		expect(
			['ArrowLeft', 'PageUp', 'ArrowRight', 'PageDown', 'Home', 'End', 'a'].map((k) => slideAction(ev(k)))
		).toEqual(['previous', 'previous', 'next', 'next', 'first', 'last', null]);
	});

	it('ignores keys in form fields and with Ctrl, Alt or Meta held', () => {
		for (const tag of ['input', 'select', 'textarea']) {
			expect(slideAction(ev('ArrowRight', document.createElement(tag)))).toBeNull();
			expect(isStepKey(ev('b', document.createElement(tag)))).toBe(false);
		}
		expect(slideAction(ev('ArrowRight', document.body, { altKey: true }))).toBeNull();
		expect(isStepKey(ev('b', document.body, { metaKey: true }))).toBe(false);
	});

	it('builds with B anywhere and with Space except on buttons and links', () => {
		expect(isStepKey(ev('b'))).toBe(true);
		expect(isStepKey(ev('B', document.createElement('button')))).toBe(true);
		expect(isStepKey(ev(' '))).toBe(true);
		expect(isStepKey(ev(' ', document.createElement('button')))).toBe(false);
		const a = document.createElement('a');
		a.href = '#x';
		expect(isStepKey(ev(' ', a))).toBe(false);
	});
});
