import type { ClaimView } from '$lib/evidence/claim-context';
import { DEFAULT_MARGINS } from '$lib/evidence/mid';
import type { AnalysisSettings } from '$lib/evidence/types';
import type { Method, TestType } from '$lib/stats/types';

/** Every control of the page, as kept in the URL so that a link reproduces the view. */
export interface Controls {
	audience: 'clinician' | 'patient' | 'educator';
	outcome: 'pain' | 'function';
	population: 'chronic' | 'acute';
	window: 'immediate' | 'short' | 'intermediate' | 'long';
	method: Method;
	test: TestType;
	painMeasure: 'MD' | 'SMD';
	midMD: number;
	midSMD: number;
	midRR: number;
	/** Equivalence margins ("performs as well as"), separate from the MIDs. */
	marginMD: number;
	marginSMD: number;
	usualCareAsNone: boolean;
	excludeHighRob: boolean;
	excluded: string[];
	slide: number;
	/** Node choices of the network meta-analysis section (sensitivity analyses; the claims keep the defaults). */
	nmaShamSplit: boolean;
	nmaWaitingListApart: boolean;
	nmaDrugWithUsualCare: boolean;
}

export const DEFAULT_CONTROLS: Controls = {
	audience: 'clinician',
	outcome: 'pain',
	population: 'chronic',
	window: 'short',
	method: 'REML',
	test: 'z',
	painMeasure: 'MD',
	midMD: 15,
	midSMD: 0.5,
	midRR: 1.25,
	marginMD: DEFAULT_MARGINS.MD.value,
	marginSMD: DEFAULT_MARGINS.SMD.value,
	usualCareAsNone: false,
	excludeHighRob: false,
	excluded: [],
	slide: 0,
	nmaShamSplit: false,
	nmaWaitingListApart: false,
	nmaDrugWithUsualCare: false
};

/** The analysis settings the controls choose. */
export function settingsOf(c: Controls): AnalysisSettings {
	return {
		method: c.method,
		test: c.test,
		level: 95,
		painMeasure: c.painMeasure,
		excludeHighRob: c.excludeHighRob,
		excluded: c.excluded,
		usualCareAsNone: c.usualCareAsNone
	};
}

/** How the controls re-target the claims (MIDs, outcome, window, population). */
export function claimViewOf(c: Controls): ClaimView {
	return {
		mids: { MD: c.midMD, SMD: c.midSMD, RR: c.midRR, OR: c.midRR, RD: 0.05 },
		margins: { MD: c.marginMD, SMD: c.marginSMD, RR: c.midRR, OR: c.midRR, RD: 0.05 },
		outcome: c.outcome,
		window: c.window,
		population: c.population,
		usualCareAsNone: c.usualCareAsNone
	};
}

type Key = keyof Controls;
const PARAM: Record<Key, string> = {
	audience: 'view',
	outcome: 'outcome',
	population: 'pop',
	window: 'window',
	method: 'method',
	test: 'test',
	painMeasure: 'pain',
	midMD: 'mid_md',
	midSMD: 'mid_smd',
	midRR: 'mid_rr',
	marginMD: 'margin_md',
	marginSMD: 'margin_smd',
	usualCareAsNone: 'uc_as_none',
	excludeHighRob: 'no_high_rob',
	excluded: 'exclude',
	slide: 'slide',
	nmaShamSplit: 'nma_sham_split',
	nmaWaitingListApart: 'nma_wl_apart',
	nmaDrugWithUsualCare: 'nma_drug_uc'
};

const CHOICES: Partial<Record<Key, readonly string[]>> = {
	audience: ['clinician', 'patient', 'educator'],
	outcome: ['pain', 'function'],
	population: ['chronic', 'acute'],
	window: ['immediate', 'short', 'intermediate', 'long'],
	method: ['REML', 'DL', 'PM', 'FE'],
	test: ['z', 'knha', 'adhoc'],
	painMeasure: ['MD', 'SMD']
};

/** Controls from a query string; unknown or malformed values fall back to the defaults. */
export function parseControls(params: URLSearchParams): Controls {
	const out: Controls = { ...DEFAULT_CONTROLS, excluded: [] };
	for (const key of Object.keys(PARAM) as Key[]) {
		const raw = params.get(PARAM[key]);
		if (raw === null) continue;
		const def = DEFAULT_CONTROLS[key];
		if (Array.isArray(def)) (out as unknown as Record<Key, unknown>)[key] = raw.split(',').filter(Boolean);
		else if (typeof def === 'boolean') (out as unknown as Record<Key, unknown>)[key] = raw === '1';
		else if (typeof def === 'number') {
			const v = Number(raw);
			if (Number.isFinite(v) && v >= 0) (out as unknown as Record<Key, unknown>)[key] = v;
		} else if (CHOICES[key]?.includes(raw)) (out as unknown as Record<Key, unknown>)[key] = raw;
	}
	return out;
}

/** The query string of the controls that differ from the defaults (a short, stable link). */
export function controlsToParams(c: Controls): URLSearchParams {
	const p = new URLSearchParams();
	for (const key of Object.keys(PARAM) as Key[]) {
		const v = c[key];
		const def = DEFAULT_CONTROLS[key];
		if (Array.isArray(v)) {
			if (v.length) p.set(PARAM[key], v.join(','));
		} else if (v !== def) p.set(PARAM[key], typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
	}
	return p;
}

/** Controls from a location's query string ("?view=patient&..." or ""). */
export function controlsFromSearch(search: string): Controls {
	return parseControls(new URLSearchParams(search));
}
