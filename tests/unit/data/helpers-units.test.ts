import { describe, expect, it } from 'vitest';
import { normaliseArm, orientation } from '$lib/data/normalise';
import { parseNumber } from '$lib/data/numbers';
import { painTo100Factor, SCALE_IDS, scaleInfo, scaleRangeFromCode } from '$lib/data/scales';
import { editDistance, suggest } from '$lib/data/suggest';
import { TEMPLATE_TRIAL_ROW } from '$lib/data/template';
import { ARMS, BOOLEANS, CONTRAST_MEASURES, POPULATIONS } from '$lib/data/schema';

describe('parseNumber', () => {
	it.each([
		['-28.7', false, -28.7],
		['007', false, 7],
		['5.', false, 5],
		['.5', false, 0.5],
		['+3', false, 3],
		[' 12 ', false, 12],
		['1e3', false, 1000],
		['2.5E-2', false, 0.025],
		['1,5', true, 1.5],
		['-0,25', true, -0.25],
		['1.5', true, 1.5]
	])('reads %j (decimal comma %s) as %d', (text, comma, value) => {
		expect(parseNumber(text, comma)).toBe(value);
	});

	it.each([
		[''],
		['-'],
		['.'],
		['1,5'],
		['1.234,5'],
		['1 549'],
		['0x10'],
		['Infinity'],
		['NaN'],
		['1e400'],
		['12a'],
		['--1']
	])('rejects %j', (text) => {
		expect(parseNumber(text)).toBeNaN();
	});

	it('rejects both separators and thousands groups in decimal-comma files', () => {
		expect(parseNumber('1.234,5', true)).toBeNaN();
		expect(parseNumber('1,234,5', true)).toBeNaN();
	});
});

describe('suggestions', () => {
	it('measures edits with transpositions (optimal string alignment)', () => {
		expect(editDistance('shame', 'sham')).toBe(1);
		expect(editDistance('ahsm', 'sham')).toBe(2);
		expect(editDistance('hsam', 'sham')).toBe(1);
		expect(editDistance('', 'abc')).toBe(3);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});

	it.each([
		['shame', ARMS, 'sham'],
		['acupunture', ARMS, 'acupuncture'],
		['Usual care', ARMS, 'usual_care'],
		['waiting list', ARMS, 'no_treatment'],
		['verum', ARMS, 'acupuncture'],
		['subacute', POPULATIONS, 'acute'],
		['rr', CONTRAST_MEASURES, 'RR'],
		['yes', BOOLEANS, 'true'],
		['vas_0_100', SCALE_IDS, 'VAS_0_100']
	])('%j -> %j', (value, allowed, expected) => {
		expect(suggest(value, allowed)).toBe(expected);
	});

	it('suggests nothing when nothing is close', () => {
		expect(suggest('massage', ARMS)).toBeUndefined();
		expect(suggest('x'.repeat(500), ARMS)).toBeUndefined();
	});
});

describe('scale registry', () => {
	it('knows the scales of the contract, with range, direction and the 0-100 pain factor', () => {
		expect(SCALE_IDS).toEqual([
			'VAS_0_100',
			'VAS_0_10',
			'NRS_0_10',
			'NRS_0_100',
			'CPGS_pain_0_100',
			'SF36_BP_0_100',
			'PROMIS_PI_T',
			'PROMIS_intensity_T',
			'RMDQ_0_24',
			'RMDQ_0_23',
			'ODI_0_100',
			'HFAQ_0_100'
		]);
		expect(scaleInfo('NRS_0_10')).toMatchObject({
			outcome: 'pain',
			min: 0,
			max: 10,
			direction: 'lower_better',
			to100: 10
		});
		expect(scaleInfo('HFAQ_0_100')).toMatchObject({ outcome: 'function', direction: 'higher_better' });
		expect(scaleInfo('SF36_BP_0_100')?.direction).toBe('higher_better');
		expect(scaleInfo('PROMIS_PI_T')).toMatchObject({ min: null, max: null });
		expect(scaleInfo('toString')).toBeUndefined();
		expect(scaleInfo('__proto__')).toBeUndefined();
	});

	it('converts pain scales only', () => {
		expect(painTo100Factor('VAS_0_10')).toBe(10);
		expect(painTo100Factor('VAS_0_100')).toBe(1);
		expect(painTo100Factor('PROMIS_PI_T')).toBeUndefined();
		expect(painTo100Factor('RMDQ_0_24')).toBeUndefined();
		expect(painTo100Factor('CPGS_pain_0_100')).toBe(1);
		expect(painTo100Factor('SF36_BP_0_100')).toBeUndefined();
		expect(painTo100Factor('VAS_worst_0_100')).toBeUndefined();
	});

	it('reads the range written at the end of an unknown code', () => {
		expect(scaleRangeFromCode('CPGS_pain_0_100')).toEqual({ min: 0, max: 100 });
		expect(scaleRangeFromCode('RMDQ_unspecified')).toBeUndefined();
		expect(scaleRangeFromCode('odd_10_0')).toBeUndefined();
	});
});

describe('normalisation', () => {
	it('orients so that negative favours the treatment', () => {
		expect(orientation('lower_better')).toBe(1);
		expect(orientation('higher_better')).toBe(-1);
		expect(orientation(null)).toBe(1);
	});

	it('puts 0-10 pain on 0-100 and negates higher-is-better scales', () => {
		const nrs = { ...TEMPLATE_TRIAL_ROW, scale: 'NRS_0_10', mean: -2.5, sd: 1.5 };
		expect(normaliseArm(nrs)).toEqual({ mean: -25, sd: 15, scale: 'pain_0_100' });
		const sf36 = {
			...TEMPLATE_TRIAL_ROW,
			scale: 'SF36_BP_0_100',
			direction: 'higher_better' as const,
			mean: 12
		};
		expect(normaliseArm(sf36)).toEqual({ mean: -12, sd: 30.3, scale: 'SF36_BP_0_100' });
		const hfaq = {
			...TEMPLATE_TRIAL_ROW,
			outcome: 'function' as const,
			scale: 'HFAQ_0_100',
			direction: 'higher_better' as const,
			mean: 12.1
		};
		expect(normaliseArm(hfaq)).toEqual({ mean: -12.1, sd: 30.3, scale: 'HFAQ_0_100' });
		expect(normaliseArm({ ...TEMPLATE_TRIAL_ROW, scale: 'VAS_worst_0_100' })?.scale).toBe('VAS_worst_0_100');
		expect(normaliseArm({ ...TEMPLATE_TRIAL_ROW, mean: null })).toBeNull();
	});
});
