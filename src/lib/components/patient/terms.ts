import { GLOSSARY } from './glossary';

export interface Segment {
	text: string;
	/** The glossary entry when this segment is a term. */
	term?: string;
}

const KEYS = Object.keys(GLOSSARY).sort((a, b) => b.length - a.length);
const PATTERN = new RegExp(
	`\\b(${KEYS.map((k) => k.replace(/[.*+?^${}()|[\]\\²]/g, (c) => (c === '²' ? c : `\\${c}`))).join('|')})(?![\\w-])`,
	'gi'
);

/** Split plain text into plain segments and glossary terms (longest term first, case-insensitive). */
export function termSegments(text: string): Segment[] {
	const out: Segment[] = [];
	let last = 0;
	for (const m of text.matchAll(PATTERN)) {
		const i = m.index ?? 0;
		if (i > last) out.push({ text: text.slice(last, i) });
		const key = KEYS.find((k) => k.toLowerCase() === m[0].toLowerCase())!;
		out.push({ text: m[0], term: key });
		last = i + m[0].length;
	}
	if (last < text.length) out.push({ text: text.slice(last) });
	return out;
}
