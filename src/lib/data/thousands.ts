/**
 * An integer with commas between groups of three digits ("1,234,567"), as `toLocaleString('en')` writes it but
 * without Intl: the first Intl call of a page loads ICU data (~35 ms in Chromium), which would fall in the
 * hydration task (docs/ARCHITECTURE.md section 7). Anything that is not a safe integer is written as String() does.
 */
export function thousands(n: number): string {
	if (!Number.isSafeInteger(n)) return String(n);
	const digits = String(Math.abs(n));
	let out = '';
	for (let end = digits.length; end > 0; end -= 3)
		out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
	return n < 0 ? `-${out}` : out;
}
