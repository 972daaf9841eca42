/**
 * Terms a patient may not know, each with a plain explanation (about a 12-year-old reading level). The patient
 * view wraps every occurrence in an explanation; the statistical ones must never appear unexplained
 * (tests/e2e/patient.e2e.ts checks the page against STATISTICAL_TERMS).
 */
export const GLOSSARY: Record<string, string> = {
	'sham acupuncture':
		'Pretend acupuncture. It looks and feels like acupuncture, but the needles go only a little way in, go in at the "wrong" places, or do not go into the skin at all.',
	sham: 'Pretend treatment that looks like the real one.',
	placebo:
		'A pretend treatment. People can feel better after one because they expect to, because someone cares for them, or because pain often eases by itself.',
	'randomised trials':
		'Studies where a computer decides, like tossing a coin, who gets which treatment. This makes the groups fair to compare.',
	trials: 'Studies that test a treatment on groups of people and compare them.',
	'usual care': 'What people get anyway from their doctor, like pain medicines, advice or physiotherapy.',
	'chronic back pain': 'Back pain that has lasted three months or longer.',
	'acute low back pain': 'Back pain that started recently, usually in the last few weeks.',
	'0 to 100 scale':
		'A way to score pain: 0 means no pain at all and 100 means the worst pain you can imagine.',
	'side effects': 'Unwanted things that happen after a treatment, like a bruise or feeling dizzy.',
	'confidence interval': 'The range where the true answer probably lies.',
	'meta-analysis': 'A way to combine the results of several studies into one answer.',
	heterogeneity: 'How much the studies disagree with each other.',
	'standardised mean difference': 'A way to compare results measured with different questionnaires.',
	SMD: 'Short for standardised mean difference: a way to compare results measured with different questionnaires.',
	'I²': 'A number that says how much the studies disagree with each other.',
	tau: 'A number that says how much the true effect varies from study to study.',
	'prediction interval': 'The range where the result of a new, similar study would probably fall.',
	'risk ratio': 'How many times more often something happens in one group than in the other.',
	'minimal important difference': 'The smallest change in pain that people notice and care about.',
	certainty: 'How sure we can be that the answer is right.'
};

/** Statistical terms that must not appear in the patient view outside an explanation. */
export const STATISTICAL_TERMS = [
	'tau',
	'τ',
	'I²',
	'I2',
	'heterogeneity',
	'confidence interval',
	'CI',
	'SMD',
	'standardised mean difference',
	'prediction interval',
	'REML',
	'random effects',
	'meta-analysis',
	'risk ratio',
	'p-value',
	'minimal important difference',
	'Hedges'
];
