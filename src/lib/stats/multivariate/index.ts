// Multivariate (repeated-measures) meta-analysis over timepoints and meta-regression with a permutation test
// (NMA.md section 4). Pure TypeScript: no Svelte, no DOM.
export { vcalcBlock } from './vcalc';
export type { MvData } from './clusters';
export type { MvStruct, VarianceParameters } from './structure';
export { rmaMv, type MvFit, type MvOptions, type MvCoefficient } from './fit-mv';
export { cr2, robustContrast, robustCoefficients, type Cr2, type RobustEstimate } from './cr2';
export { TIME_WINDOWS, windowDesign, windowIndex, type TimeWindow } from './time-windows';
export {
	fitTimeCourse,
	timeChange,
	timeCourseSensitivity,
	type TimePointRow,
	type TimeCourseOptions,
	type TimeCourseFit,
	type WeekEstimate,
	type NotEstimated
} from './time-course';
export {
	metaRegression,
	arrangementCount,
	type MetaRegression,
	type MetaRegressionOptions
} from './permutation';
