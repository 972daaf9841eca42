import { ROB_DOMAINS, type RobDomain, type RobJudgement } from '$lib/data/rob';
import type { RobLevel } from './rob-layout';

/** The short RevMan-style column heads of the RoB 2 grid. */
export const DOMAIN_HEADS: Record<RobDomain, string> = {
	randomisation: 'D1',
	deviations: 'D2',
	missing_data: 'D3',
	measurement: 'D4',
	reporting: 'D5',
	overall: 'Overall'
};

export interface RobDomainStudy {
	study_id: string;
	study: string;
	robDomains: RobJudgement[];
}

export interface RobDomainsLayout {
	width: number;
	height: number;
	labelWidth: number;
	columns: { domain: RobDomain; head: string; x: number }[];
	rows: {
		key: string;
		label: string;
		y: number;
		cells: { domain: RobDomain; x: number; rob: RobLevel; support: string }[];
	}[];
}

/**
 * RevMan-style traffic-light grid: one row per study (1.8f apart, after a 1.8f header row), one column per RoB 2
 * domain and the overall judgement, columns 2.2f apart after a label column as wide as the longest label (0.6f per
 * character, at least 6f). Domains a study's judgements do not cover show "?" (not reported).
 * @example robDomainsLayout([{ study_id: 'a', study: 'A', robDomains: [] }], 10).columns[0] // { domain: 'randomisation', head: 'D1', x: 81 }
 */
export function robDomainsLayout(studies: RobDomainStudy[], f: number): RobDomainsLayout {
	const labelWidth = Math.max(6 * f, ...studies.map((s) => s.study.length * 0.6 * f)) + f;
	const columns = ROB_DOMAINS.map((domain, i) => ({
		domain,
		head: DOMAIN_HEADS[domain],
		x: labelWidth + f * 1.1 + i * 2.2 * f + (domain === 'overall' ? 0.6 * f : 0)
	}));
	const rows = studies.map((s, r) => ({
		key: s.study_id,
		label: s.study,
		y: 1.8 * f * (r + 1) + 0.9 * f,
		cells: columns.map((c) => {
			const j = s.robDomains.find((d) => d.domain === c.domain);
			return {
				domain: c.domain,
				x: c.x,
				rob: (j?.judgement ?? 'unknown') as RobLevel,
				support: j?.support ?? ''
			};
		})
	}));
	return {
		width: columns[columns.length - 1]!.x + 1.6 * f,
		height: 1.8 * f * (studies.length + 1) + 0.4 * f,
		labelWidth,
		columns,
		rows
	};
}
