/**
 * The certainty rules' thresholds (docs/ARCHITECTURE.md section 5.2) as plain constants, in a module that imports
 * nothing: the methods page shows them without loading the engine. certainty.ts and sensitivity.ts re-export them.
 */
/** Studies needed before small-study bias can be tested (Cochrane Handbook 13.3.5.4). */
export const MIN_K_SMALL_STUDY = 10;
/** Participants below which a pooled continuous (binary) result is imprecise (GRADE optimal information size). */
export const OIS_PARTICIPANTS = 400;
/** I^2 (percent) from which trials are judged inconsistent (Cochrane Handbook 10.10.2: 50-90% substantial). */
export const I2_INCONSISTENT = 50;
/** Fewest trials with which consistency can be judged at all. */
export const MIN_K_CONSISTENCY = 3;
/** Share of the weight above which one trial dominates an analysis, so consistency cannot be judged. */
export const DOMINANT_WEIGHT = 0.75;
/** Egger-type test p-value below which small-study bias costs a level (Egger et al. 1997 used 0.10). */
export const EGGER_P = 0.1;
/** Share of the weight from trials with some concerns, high risk or no assessment above which risk of bias costs a level. */
export const ROB_SHARE = 0.5;
