package io.htlnet.model;

import java.util.List;

/**
 * What the serving signature needs beyond the trained weights: each categorical field's raw
 * column, derivation and vocabulary, each numeric field's statistics, the task names, and which
 * output is the ranking score.
 */
public record ServingSpec(List<Field> fields, List<Numeric> numeric, List<String> taskChain, String score) {
  /** A categorical field read from raw column {@code source}, through {@code derivation} (a name, or null). */
  public record Field(String name, String source, String derivation, List<String> values) {}

  public record Numeric(String name, double mean, double std) {}
}
