package io.htlnet.model;

import io.htlnet.config.HtlnetConfig;

/**
 * What the graph needs to know about the data: its fields (and where each field's rows start in
 * the one embedding table), the numeric width, the number of classification tasks, and how to map
 * the core prediction back to the raw scale; and, to export a servable model, the serving spec
 * (null: the SavedModel takes encoded ids only).
 */
public record GraphSpec(
    int[] fieldOffsets,
    int embeddingRows,
    int numericFeatures,
    int classificationTasks,
    boolean log1pTarget,
    double targetMean,
    double targetStd,
    HtlnetConfig config,
    ServingSpec serving) {

  public int fields() {
    return fieldOffsets.length;
  }
}
