import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledClaims } from '$lib/evidence/claims';

const article = readFileSync('data/article/back-pain-acupuncture-treatment.txt', 'utf8');
const lines = article.split('\n');

describe('data/claims.json', () => {
	it('quotes the article exactly, on the line it names', () => {
		for (const c of bundledClaims.claims) {
			expect(article, c.id).toContain(c.quote);
			expect(lines[c.line - 1], c.id).toContain(c.quote.slice(0, 40));
		}
	});
	it('gives every testable claim a test and every untestable claim a reason', () => {
		for (const c of bundledClaims.claims) {
			if (c.testable) expect(c.test?.comparisons.length, c.id).toBeGreaterThan(0);
			else expect(c.reason?.length, c.id).toBeGreaterThan(20);
		}
	});
	it('has unique ids', () => {
		const ids = bundledClaims.claims.map((c) => c.id);
		expect(new Set(ids).size).toBe(ids.length);
	});
});
