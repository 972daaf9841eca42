/**
 * A finding shortened for the printed handout (at most 4 pages): whole sentences up to `max` characters, or the
 * first sentence cut at a word with an ellipsis; the dashboard has the full text.
 * @example brief('One. Two three four.', 8) // 'One.'
 */
export function brief(text: string, max: number): string {
	if (text.length <= max) return text;
	// A sentence ends at a full stop followed by a space and a capital (never inside "2.6").
	const sentences = text.split(/(?<=\.)\s+(?=[A-Z"“(])/);
	let out = '';
	for (const s of sentences) {
		const next = out ? `${out} ${s.trim()}` : s.trim();
		if (next.length > max) break;
		out = next;
	}
	if (out) return out;
	const cut = text.slice(0, max);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}…`;
}
