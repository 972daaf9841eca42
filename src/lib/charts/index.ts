// Charts: pure geometry in *.ts (tested in node), thin Svelte components. d3 computes, Svelte renders.
export { default as ChartFrame } from './ChartFrame.svelte';
export { default as EvidenceNetwork } from './EvidenceNetwork.svelte';
export { default as ForestPlot } from './ForestPlot.svelte';
export { default as FunnelPlot } from './FunnelPlot.svelte';
export { default as IconArray } from './IconArray.svelte';
export { default as RobSummary } from './RobSummary.svelte';
export { default as TimeCourse } from './TimeCourse.svelte';
export { defaultSides } from './sides';
export { MIN_STUDIES_FOR_BIAS_TESTS } from './funnelText';
export type { ForestSort } from './forestSort';
export type * from './types';
