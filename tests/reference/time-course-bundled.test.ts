import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs only where R with metafor and clubSandwich is installed (README, "Testing"); never installs anything. */
const hasR =
	spawnSync('Rscript', ['-e', 'library(metafor); library(clubSandwich); library(jsonlite)'], {
		stdio: 'ignore'
	}).status === 0;

describe.skipIf(!hasR)(
	'the bundled time course refitted with metafor rma.mv + vcalc + clubSandwich',
	{ timeout: 120_000 },
	() => {
		it("every rho of the sensitivity analysis: within 1e-6, or a restricted log-likelihood at least metafor's", () => {
			const out = execFileSync('Rscript', ['tests/reference/time-course-bundled.R'], { encoding: 'utf8' });
			const m =
				/largest relative difference = ([0-9.e+-]+); largest logLik gain of metafor = ([0-9.e+-]+); fits worse than metafor = (\d+)/.exec(
					out
				);
			expect(m, out).not.toBeNull();
			expect(Number(m![3])).toBe(0);
			// Every fit reaches metafor's optimum (a higher logLik for metafor would mean a worse fit here).
			expect(Number(m![2])).toBeLessThan(1e-6);
			// Rows are printed for the three rhos of the sensitivity analysis.
			expect(out).toMatch(/acupuncture-vs-no_treatment 0\.5/);
			expect(out).toMatch(/acupuncture-vs-no_treatment 0\.9/);
		});
	}
);
