/**
 * The engine: every function that computes statistics from rows (analyses, networks, claims, time courses, bias
 * checks). The page loads this module only when something must be recomputed (a control change, an upload, an
 * exclusion): hydration shows the build-time results (prerendered.ts), so the first-load JavaScript carries none
 * of it (docs/ARCHITECTURE.md section 7). The CLI, the worker and the build import the functions directly.
 */
export { buildAnalyses } from './analyses';
export { evaluateClaims } from './evaluate';
export { evidenceNetwork } from './network';
export { buildNetwork, buildNetworks } from './network-analysis';
export { networkCertainty, studyShares } from './network-certainty';
export { biasChecks } from './sensitivity';
export { splitByShamType } from './subgroups';
export { timeCourseData } from './time-points';
