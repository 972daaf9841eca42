/**
 * Checks of studies given on the contrast scale: each message names the study and what to fix.
 */
import { cholesky } from './linalg';
import type { StudyContrasts } from './types';

/**
 * Throws a RangeError naming the study unless: ids are unique and non-empty; a study has >= 2 distinct treatments;
 * y has m - 1 finite values; V is a symmetric positive definite (m - 1) x (m - 1) matrix.
 * @example checkStudies([{ id: 'S', treatments: ['A', 'A'], y: [1], V: [[1]] }])
 * // throws: study "S": treatment "A" appears twice (combine its arms first)
 */
export function checkStudies(studies: readonly StudyContrasts[]): void {
	if (studies.length === 0) throw new RangeError('no studies');
	const ids = new Set<string>();
	for (const s of studies) {
		const at = `study "${s.id}"`;
		if (!s.id) throw new RangeError('a study has an empty id');
		if (ids.has(s.id)) throw new RangeError(`${at}: the id appears twice (study ids must be unique)`);
		ids.add(s.id);
		const m = s.treatments.length;
		if (m < 2) throw new RangeError(`${at}: needs at least two treatments`);
		const seen = new Set<string>();
		for (const t of s.treatments) {
			if (!t) throw new RangeError(`${at}: a treatment name is empty`);
			if (seen.has(t)) throw new RangeError(`${at}: treatment "${t}" appears twice (combine its arms first)`);
			seen.add(t);
		}
		if (s.y.length !== m - 1) throw new RangeError(`${at}: needs ${m - 1} contrasts, got ${s.y.length}`);
		s.y.forEach((v, j) => {
			if (!Number.isFinite(v)) throw new RangeError(`${at}: contrast ${j + 1} is not a finite number`);
		});
		if (s.V.length !== m - 1 || s.V.some((row) => row.length !== m - 1))
			throw new RangeError(`${at}: the covariance must be ${m - 1} x ${m - 1}`);
		for (let i = 0; i < m - 1; i++)
			for (let j = 0; j < i; j++) {
				const a = s.V[i]![j]!;
				const b = s.V[j]![i]!;
				if (!(Math.abs(a - b) <= 1e-10 * Math.max(Math.abs(a), Math.abs(b), 1e-300)))
					throw new RangeError(`${at}: the covariance is not symmetric`);
			}
		if (!cholesky(s.V))
			throw new RangeError(`${at}: the covariance is not positive definite (check variances > 0)`);
		if (s.n && (s.n.length !== m || s.n.some((x) => !(x > 0))))
			throw new RangeError(`${at}: participants per arm must be ${m} numbers > 0`);
	}
}
