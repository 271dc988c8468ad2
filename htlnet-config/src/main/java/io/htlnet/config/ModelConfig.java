package io.htlnet.config;

import java.util.List;

/** Architecture and its hyper-parameters. */
public record ModelConfig(
    String architecture,
    int embeddingDim,
    List<Integer> tower,
    int labelEmbeddingDim,
    int attentionDim,
    String fusion,
    boolean useRepresentations,
    boolean useLabelEmbeddings,
    boolean stopGradient,
    GumbelConfig gumbel,
    List<Integer> bottom,
    ExpertsConfig experts,
    double calibratorWeight) {

  /** Mixture-of-experts sizes (MMoE, PLE, AdaTT). */
  public record ExpertsConfig(int count, int shared, int perTask, int levels, List<Integer> units) {}

  /** Gumbel-softmax temperature and its optional exponential annealing per step. */
  public record GumbelConfig(double tau, double tauMin, double annealRate) {
    public double tauAt(long step) {
      return Math.max(tauMin, tau * Math.exp(-annealRate * step));
    }
  }
}
