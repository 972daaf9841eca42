// Network meta-analysis (NMA.md sections 1-2): generalised least squares on each study's contrasts. Pure
// TypeScript, no Svelte, no DOM. Entry points: contrastsMD / contrastsSMD / contrastsRR (arm data -> contrasts)
// and networkMetaAnalysis (contrasts -> one NetworkFit per connected part).
export * from './types';
export * from './linalg';
export * from './arms';
export * from './smd';
export * from './validate';
export * from './graph';
export * from './block';
export * from './gls';
export * from './model';
export * from './tau2';
export * from './heterogeneity';
export * from './league';
export * from './design-by-treatment';
export * from './side';
export * from './pscore';
export * from './contribution';
export * from './analysis';
