/**
 * Serving a trained model: the thread-safe {@link io.htlnet.serve.Scorer} over the SavedModel's
 * raw-input signature, and a TensorFlow-Serving-compatible HTTP server with health, Prometheus
 * metrics, limits, timeouts and hot reload.
 */
package io.htlnet.serve;
