import { describe, expect, it } from 'vitest';
import {
	controlsFromSearch,
	controlsToParams,
	DEFAULT_CONTROLS,
	type Controls
} from '../../../src/lib/state/url-params';

const query = (c: Partial<Controls>) => controlsToParams({ ...DEFAULT_CONTROLS, ...c }).toString();

describe('controls in the URL', () => {
	it('writes nothing for the defaults, so the plain address is the default view', () => {
		expect(controlsToParams(DEFAULT_CONTROLS).toString()).toBe('');
		expect(controlsFromSearch('')).toEqual(DEFAULT_CONTROLS);
	});

	it('round-trips every control that differs from its default', () => {
		const changed: Controls = {
			audience: 'educator',
			outcome: 'function',
			population: 'acute',
			window: 'long',
			method: 'PM',
			test: 'adhoc',
			painMeasure: 'SMD',
			midMD: 10,
			midSMD: 0.3,
			midRR: 1.5,
			marginMD: 5,
			marginSMD: 0.1,
			usualCareAsNone: true,
			excludeHighRob: true,
			excluded: ['brinkhaus2006', 'haake2007'],
			slide: 4,
			nmaShamSplit: true,
			nmaWaitingListApart: true,
			nmaDrugWithUsualCare: true
		};
		for (const key of Object.keys(DEFAULT_CONTROLS) as (keyof Controls)[])
			expect(changed[key], key).not.toEqual(DEFAULT_CONTROLS[key]);
		expect(controlsFromSearch(`?${controlsToParams(changed)}`)).toEqual(changed);
	});

	it('keeps the network node choices under their own short names', () => {
		expect(query({ nmaShamSplit: true })).toBe('nma_sham_split=1');
		expect(query({ nmaWaitingListApart: true, nmaDrugWithUsualCare: true })).toBe(
			'nma_wl_apart=1&nma_drug_uc=1'
		);
		expect(controlsFromSearch('?nma_sham_split=1').nmaShamSplit).toBe(true);
		expect(controlsFromSearch('?nma_sham_split=0').nmaShamSplit).toBe(false);
	});

	it('falls back to the default for an unknown or malformed value', () => {
		const c = controlsFromSearch('?method=XYZ&mid_md=-3&mid_smd=abc&view=nurse&window=');
		expect(c.method).toBe(DEFAULT_CONTROLS.method);
		expect(c.midMD).toBe(DEFAULT_CONTROLS.midMD);
		expect(c.midSMD).toBe(DEFAULT_CONTROLS.midSMD);
		expect(c.audience).toBe(DEFAULT_CONTROLS.audience);
		expect(c.window).toBe(DEFAULT_CONTROLS.window);
	});
});
