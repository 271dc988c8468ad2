package io.htlnet.config;

/** The whole configuration of a run; every field has its default in {@code defaults.yaml}. */
public record HtlnetConfig(
    long seed,
    DataConfig data,
    ModelConfig model,
    GradientConfig gradients,
    OptimizerConfig optimizer,
    TrainConfig train,
    ServeConfig serve) {}
