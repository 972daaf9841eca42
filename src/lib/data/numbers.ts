const STRICT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Reads a number the way a person wrote it, and nothing else: optional sign, digits, one decimal mark, optional
 * exponent, surrounding spaces. `007` is 7; `1,5` is 1.5 only when `decimalComma` (files delimited by `;`, as
 * European spreadsheets export them); `1.234,5`, `1 549`, `0x10`, `Infinity`, `NaN` and an empty string are not
 * numbers. Never PapaParse's `dynamicTyping` (docs/ARCHITECTURE.md section 8).
 *
 * Fast path (most values): up to 15 significant digits and no exponent are read as an integer m and k decimals,
 * and m / 10^k is the correctly rounded value because both are exact doubles (Clinger 1990, "How to read
 * floating point numbers accurately", PLDI). Anything else goes to `Number` after a strict pattern check.
 * @returns the number, or NaN when the text is not one.
 * @example parseNumber('-28.7') // -28.7
 * @example parseNumber('1,5', true) // 1.5
 */
export function parseNumber(text: string, decimalComma = false): number {
	const len = text.length;
	let i = 0;
	let neg = false;
	let c = text.charCodeAt(0);
	if (c === 45 || c === 43) {
		neg = c === 45;
		i = 1;
	}
	let m = 0;
	let digits = 0;
	let decimals = -1;
	for (; i < len; i++) {
		c = text.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			m = m * 10 + (c - 48);
			digits++;
			if (decimals >= 0) decimals++;
		} else if ((c === 46 || (c === 44 && decimalComma)) && decimals < 0) {
			decimals = 0;
		} else break;
	}
	if (i === len && digits > 0 && digits <= 15) {
		const v = decimals > 0 ? m / POW10[decimals]! : m;
		return neg ? -v : v;
	}
	return slowParse(text, decimalComma);
}

function slowParse(text: string, decimalComma: boolean): number {
	let t = text.trim();
	if (decimalComma && t.indexOf(',') !== -1) {
		if (t.indexOf('.') !== -1) return NaN;
		t = t.replace(',', '.');
	}
	if (!STRICT.test(t)) return NaN;
	const v = Number(t);
	return Number.isFinite(v) ? v : NaN;
}
