/**
 * From raw rows to training tensors: the resolved {@link io.htlnet.data.DatasetSchema}, the
 * streaming {@link io.htlnet.data.TableReader} with its row accounting, the chronological split,
 * and the {@link io.htlnet.data.Preprocessor} (vocabularies, numeric and target statistics) fitted
 * on the training split only.
 */
package io.htlnet.data;
