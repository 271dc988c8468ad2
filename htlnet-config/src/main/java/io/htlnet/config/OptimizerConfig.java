package io.htlnet.config;

/** Adam's hyper-parameters, shared by the dense and the sparse (embedding) updates. */
public record OptimizerConfig(double learningRate, double beta1, double beta2, double epsilon) {}
