package io.htlnet.data;

/**
 * Rows ready for the model, row-major: {@code ids} (rows × fields, global row ids into the one
 * embedding table), standardised {@code numeric} (rows × numeric fields), {@code labels} (rows ×
 * classification tasks), the transformed core {@code target}, and the raw core value for metrics.
 */
public record EncodedSplit(int rows, int[] ids, float[] numeric, float[] labels, float[] target, double[] coreRaw) {}
