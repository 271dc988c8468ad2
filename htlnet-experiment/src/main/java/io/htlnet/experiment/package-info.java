/**
 * Experiments: a grid of named variants (architectures, gradient methods, ablations) × seeds on
 * one dataset, run resumably, summarised in results.csv and a report with the paper's tables
 * (mean ± std, best in bold, Welch t-test against the best baseline) and gradient figures.
 */
package io.htlnet.experiment;
