import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rLongString, rString } from '$lib/evidence/r-script';

/**
 * Reads one R string literal the way R's parser does for the escapes rString writes (R Language Definition
 * 10.3.1): returns the text and where the literal ended, or throws on anything else.
 */
function readRString(src: string): { text: string; end: number } {
	if (src[0] !== '"') throw new Error('not a string literal');
	let text = '';
	for (let i = 1; i < src.length; i++) {
		const c = src[i]!;
		if (c === '"') return { text, end: i + 1 };
		if (c !== '\\') {
			text += c;
			continue;
		}
		const e = src[++i];
		const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"' };
		if (e !== undefined && e in simple) text += simple[e];
		else if (e === 'u' || e === 'U') {
			const m = /^\{([0-9A-Fa-f]{1,8})\}/.exec(src.slice(i + 1));
			if (!m) throw new Error(`bad \\${e} escape at ${i}`);
			text += String.fromCodePoint(parseInt(m[1]!, 16));
			i += m[0].length;
		} else throw new Error(`unknown escape \\${e} at ${i}`);
	}
	throw new Error('the literal never ends');
}

const HOSTILE = [
	'evil]---',
	'evil"]---"), system("touch /tmp/pwned"), c("',
	'back\\slash\\',
	'new\nline\r\n\ttab',
	'\u001b[2J\u0085\u202e\u2028',
	'Müller 中文 😀',
	'"',
	'\\"',
	''
];

describe('rString (an R string literal no data can end early)', () => {
	it.each(HOSTILE)('quotes %j so that it reads back whole, in pure ASCII', (s) => {
		const literal = rString(s);
		expect(literal).toMatch(/^[\x20-\x7e]*$/);
		expect(readRString(literal)).toEqual({ text: s, end: literal.length });
		// Followed by more code, the literal still ends exactly at its own closing quote.
		expect(readRString(literal + ', x = 1)').end).toBe(literal.length);
	});

	it('round-trips any text without NUL or lone surrogates', () => {
		const text = fc.string({ unit: 'grapheme', maxLength: 60 }).filter((s) => !s.includes('\u0000'));
		fc.assert(
			fc.property(text, (s) => {
				const literal = rString(s);
				expect(readRString(literal + '"tail"')).toEqual({ text: s, end: literal.length });
			}),
			{ numRuns: 500 }
		);
	});

	it('writes NUL and lone surrogates, which R strings cannot hold, as U+FFFD', () => {
		expect(readRString(rString('a\u0000b\ud800')).text).toBe('a\ufffdb\ufffd');
	});
});

describe('rLongString', () => {
	it('cuts long text into literals on lines of at most 4096 bytes that paste back to the text', () => {
		const text = 'x"\\😀é\n'.repeat(2000);
		const expr = rLongString(text);
		const lines = expr.split('\n');
		expect(lines[0]).toBe('paste0(');
		expect(lines.at(-1)).toBe(')');
		let joined = '';
		for (const line of lines.slice(1, -1)) {
			expect(Buffer.byteLength(line)).toBeLessThan(4096);
			const literal = line.trim().replace(/,$/, '');
			const { text: piece, end } = readRString(literal);
			expect(end).toBe(literal.length);
			joined += piece;
		}
		expect(joined).toBe(text);
		expect(rLongString('short')).toBe('"short"');
	});
});
