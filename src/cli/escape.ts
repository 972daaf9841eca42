/**
 * Characters that must not reach a terminal raw: controls (C0, DEL, C1: ANSI escape sequences start with ESC
 * or CSI), format characters (bidirectional overrides, zero-width spaces) and line or paragraph separators.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;
const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One unsafe character as an escape a person can read: `\n`, `\x1b`, `\u202e`. */
function escapeChar(c: string): string {
	const named = NAMED[c];
	if (named !== undefined) return named;
	const code = c.codePointAt(0)!;
	if (code <= 0xff) return '\\x' + code.toString(16).padStart(2, '0');
	return code <= 0xffff ? '\\u' + code.toString(16).padStart(4, '0') : `\\u{${code.toString(16)}}`;
}

/**
 * Text from a CSV (or a file name) made safe to print on one terminal line: every control or invisible
 * character is written as an escape, so a value cannot clear the screen, move the cursor, colour the output,
 * fake another line or reorder it (issue 16: ANSI escapes in a CSV printed a fake "ALL ROWS VALID").
 * @example escapeControl('\u001b[2Jok\r') // '\\x1b[2Jok\\r'
 */
export function escapeControl(text: string): string {
	return text.replace(UNSAFE, escapeChar);
}

/** JSON text whose string contents cannot act on a terminal: C1 controls and invisible characters as \uXXXX. */
export function escapeJson(json: string): string {
	return json.replace(/[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu, (c) =>
		Array.from({ length: c.length }, (_, i) => '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0')).join('')
	);
}
