/**
 * The training loop ({@link io.htlnet.train.Trainer}): batches, early stopping on a validation
 * metric, the best checkpoint, and the run folder with its config, metrics, plots and SavedModel.
 */
package io.htlnet.train;
