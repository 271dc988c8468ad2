package io.htlnet.serve;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The server's Prometheus metrics: requests by endpoint and status, latency, candidates per request. */
final class ServerMetrics {
  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter requests =
      Counter.builder().name("htlnet_requests").help("HTTP requests by endpoint and status code")
          .labelNames("endpoint", "code").register(registry);
  private final Histogram latency =
      Histogram.builder().name("htlnet_request_seconds").help("Time to answer a request, by endpoint")
          .labelNames("endpoint").classicOnly()
          .classicUpperBounds(0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5).register(registry);
  private final Histogram candidates =
      Histogram.builder().name("htlnet_batch_candidates").help("Candidates scored per predict request")
          .classicOnly().classicUpperBounds(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000).register(registry);

  void observe(String endpoint, int code, double seconds) {
    requests.labelValues(endpoint, Integer.toString(code)).inc();
    latency.labelValues(endpoint).observe(seconds);
  }

  void batch(int size) {
    candidates.observe(size);
  }

  String scrape() {
    var out = new ByteArrayOutputStream();
    try {
      PrometheusTextFormatWriter.create().write(out, registry.scrape());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
