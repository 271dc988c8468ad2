package io.htlnet.config;

/** How a trained model is served: the ranking score and the HTTP server's limits. */
public record ServeConfig(String score, int maxCandidates, long maxRequestBytes, int timeoutMs) {}
