package io.htlnet.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Serving speed: in-process scorer latency for a given number of candidates, and HTTP throughput
 * from a bounded load generator on loopback (fixed clients, fixed duration, capped request count).
 */
public final class ServingBenchmark {
  private ServingBenchmark() {}

  /** Latency percentiles in milliseconds, and the request rate where measured. */
  public record Latency(int candidates, int calls, double p50, double p99, double requestsPerSecond) {}

  public static Latency inProcess(Scorer scorer, List<Map<String, String>> rows, int candidates, int calls) {
    List<Map<String, String>> batch = cycle(rows, candidates);
    for (int i = 0; i < 30; i++) {
      scorer.score(batch);
    }
    double[] millis = new double[calls];
    long start = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      long t0 = System.nanoTime();
      scorer.score(batch);
      millis[i] = (System.nanoTime() - t0) / 1e6;
    }
    return summary(candidates, millis, (System.nanoTime() - start) / 1e9);
  }

  /** {@code clients} threads post {@code candidates} rows each, for {@code seconds} or {@code maxRequests} in all. */
  public static Latency http(int port, String name, List<Map<String, String>> rows, int candidates, int clients, double seconds, int maxRequests)
      throws Exception {
    ObjectNode request = new ObjectMapper().createObjectNode();
    ArrayNode instances = request.putArray("instances");
    cycle(rows, candidates).forEach(row -> {
      ObjectNode instance = instances.addObject();
      row.forEach(instance::put);
    });
    String body = request.toString();
    HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(clients)).build();
    HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/models/" + name + ":predict"))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build();
    for (int i = 0; i < 20; i++) {
      client.send(post, HttpResponse.BodyHandlers.discarding());
    }
    AtomicLong sent = new AtomicLong();
    long deadline = System.nanoTime() + (long) (seconds * 1e9);
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    var futures = new ArrayList<Future<List<Double>>>();
    long start = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      futures.add(pool.submit(() -> {
        var latencies = new ArrayList<Double>();
        while (System.nanoTime() < deadline && sent.incrementAndGet() <= maxRequests) {
          long t0 = System.nanoTime();
          HttpResponse<Void> response = client.send(post, HttpResponse.BodyHandlers.discarding());
          if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
          }
          latencies.add((System.nanoTime() - t0) / 1e6);
        }
        return latencies;
      }));
    }
    var all = new ArrayList<Double>();
    for (Future<List<Double>> f : futures) {
      all.addAll(f.get());
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    pool.shutdown();
    return summary(candidates, all.stream().mapToDouble(Double::doubleValue).toArray(), elapsed);
  }

  private static Latency summary(int candidates, double[] millis, double seconds) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    return new Latency(candidates, sorted.length, sorted[sorted.length / 2], sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)],
        sorted.length / seconds);
  }

  private static List<Map<String, String>> cycle(List<Map<String, String>> rows, int count) {
    var out = new ArrayList<Map<String, String>>();
    for (int i = 0; i < count; i++) {
      out.add(rows.get(i % rows.size()));
    }
    return out;
  }
}
