package io.htlnet.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.htlnet.config.InputException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP server for one model, speaking TensorFlow Serving's REST predict API so that its
 * clients work unchanged: {@code POST /v1/models/NAME:predict} with {@code instances} (row
 * format, answered with {@code predictions}) or {@code inputs} (columnar, answered with
 * {@code outputs}), and {@code GET /v1/models/NAME} for the status. Also {@code GET /health},
 * {@code GET /metrics} (Prometheus) and {@code POST /v1/models/NAME:reload} (optionally
 * {@code {"model": "DIR"}}): the new model serves new requests while requests in flight finish
 * on the old one. Bad requests get a 4xx and {@code {"error": "..."}}; the server stays up.
 */
public final class ModelServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ModelServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Server limits. */
  public record Limits(int maxCandidates, long maxRequestBytes, int timeoutMs) {}

  /** A loaded model and the lock that keeps it open while requests use it. */
  private static final class Loaded {
    final Scorer scorer;
    final int version;
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    boolean closed;

    Loaded(Scorer scorer, int version) {
      this.scorer = scorer;
      this.version = version;
    }
  }

  private final String name;
  private final Limits limits;
  private final AtomicReference<Loaded> model = new AtomicReference<>();
  private final AtomicInteger versions = new AtomicInteger();
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile boolean draining;
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "htlnet-score");
    t.setDaemon(true);
    return t;
  });
  private final ServerMetrics metrics = new ServerMetrics();
  private final Javalin app;

  public ModelServer(Scorer scorer, String name, Limits limits) {
    this.name = name;
    this.limits = limits;
    this.model.set(new Loaded(scorer, versions.incrementAndGet()));
    this.app = Javalin.create(config -> {
      config.showJavalinBanner = false;
      config.http.maxRequestSize = limits.maxRequestBytes();
    });
    app.get("/health", ctx -> timed(ctx, "health", () -> json(ctx, 200, JSON.createObjectNode().put("status", draining ? "draining" : "ok"))));
    app.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));
    app.get("/v1/models/{name}", ctx -> timed(ctx, "status", () -> status(ctx)));
    app.post("/v1/models/{target}", ctx -> timed(ctx, "predict", () -> post(ctx)));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("request failed", e);
      json(ctx, 500, error("internal error: " + e));
    });
  }

  /** Starts listening; port 0 picks a free one. */
  public ModelServer start(String host, int port) {
    app.start(host, port);
    LOG.info("serving model '{}' from {} on http://{}:{}", name, model.get().scorer.directory(), host, port());
    return this;
  }

  public int port() {
    return app.port();
  }

  private void timed(Context ctx, String endpoint, Runnable handler) {
    long start = System.nanoTime();
    try {
      handler.run();
    } finally {
      metrics.observe(endpoint, ctx.statusCode(), (System.nanoTime() - start) / 1e9);
    }
  }

  private void status(Context ctx) {
    if (!ctx.pathParam("name").equals(name)) {
      json(ctx, 404, error("Servable not found for request: Latest(" + ctx.pathParam("name") + ")"));
      return;
    }
    ObjectNode state = JSON.createObjectNode();
    state.put("version", Integer.toString(model.get().version)).put("state", "AVAILABLE");
    state.putObject("status").put("error_code", "OK").put("error_message", "");
    ObjectNode body = JSON.createObjectNode();
    body.putArray("model_version_status").add(state);
    json(ctx, 200, body);
  }

  private void post(Context ctx) {
    String target = ctx.pathParam("target");
    int colon = target.lastIndexOf(':');
    String model = colon < 0 ? target : target.substring(0, colon);
    String verb = colon < 0 ? "" : target.substring(colon + 1);
    if (!model.equals(name)) {
      json(ctx, 404, error("Servable not found for request: Latest(" + model + ")"));
    } else if (verb.equals("predict")) {
      predict(ctx);
    } else if (verb.equals("reload")) {
      reload(ctx);
    } else {
      json(ctx, 400, error("unsupported method '" + verb + "': use :predict (or :reload)"));
    }
  }

  private void predict(Context ctx) {
    if (draining) {
      json(ctx, 503, error("the server is shutting down"));
      return;
    }
    if (ctx.contentLength() > limits.maxRequestBytes()) {
      json(ctx, 413, error("the request body exceeds " + limits.maxRequestBytes() + " bytes"));
      return;
    }
    JsonNode body;
    try {
      body = JSON.readTree(ctx.body());
    } catch (io.javalin.http.HttpResponseException e) {
      json(ctx, e.getStatus(), error(e.getMessage()));
      return;
    } catch (Exception e) {
      json(ctx, 400, error("the body is not valid JSON: " + e.getMessage().lines().findFirst().orElse("")));
      return;
    }
    if (body == null || !body.isObject()) {
      json(ctx, 400, error("the body must be a JSON object with 'instances' or 'inputs'"));
      return;
    }
    JsonNode signature = body.path("signature_name");
    if (!signature.isMissingNode() && !signature.asText().equals("serving_default")) {
      json(ctx, 400, error("unknown signature_name '" + signature.asText() + "'; this model serves 'serving_default'"));
      return;
    }
    boolean rows = body.has("instances");
    JsonNode data = rows ? body.get("instances") : body.get("inputs");
    if (data == null || (rows && !data.isArray()) || (!rows && !data.isObject())) {
      json(ctx, 400, error("expected 'instances' (a list of objects) or 'inputs' (an object of lists)"));
      return;
    }
    int count = rows ? data.size() : data.elements().hasNext() ? data.elements().next().size() : 0;
    if (count == 0) {
      json(ctx, 400, error("no candidates in the request"));
      return;
    }
    if (count > limits.maxCandidates()) {
      json(ctx, 413, error(count + " candidates exceed the limit of " + limits.maxCandidates()));
      return;
    }
    inFlight.incrementAndGet();
    try {
      Future<Scorer.Scores> future = workers.submit(() -> score(rows, data, count));
      Scorer.Scores scores;
      try {
        scores = future.get(limits.timeoutMs(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        future.cancel(true);
        json(ctx, 503, error("scoring took longer than " + limits.timeoutMs() + " ms"));
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof InputException) {
          json(ctx, 400, error(cause.getMessage().lines().findFirst().orElse("invalid input")));
          return;
        }
        throw new IllegalStateException(cause);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        json(ctx, 503, error("interrupted"));
        return;
      }
      metrics.batch(count);
      json(ctx, 200, rows ? predictions(scores) : outputs(scores));
    } finally {
      inFlight.decrementAndGet();
    }
  }

  /** Scores on the current model, holding it open until done. */
  private Scorer.Scores score(boolean rows, JsonNode data, int count) {
    while (true) {
      Loaded loaded = model.get();
      loaded.lock.readLock().lock();
      try {
        if (loaded.closed) {
          continue; // swapped and closed between get and lock: take the new one
        }
        if (rows) {
          var candidates = new ArrayList<Map<String, Object>>();
          for (int i = 0; i < count; i++) {
            JsonNode instance = data.get(i);
            if (!instance.isObject()) {
              throw new InputException("instance " + i + " is not a JSON object of feature values");
            }
            candidates.add(values(instance));
          }
          return loaded.scorer.score(candidates);
        }
        var columns = new LinkedHashMap<String, Object[]>();
        var fields = data.fields();
        while (fields.hasNext()) {
          var column = fields.next();
          if (!column.getValue().isArray()) {
            throw new InputException("input '" + column.getKey() + "' must be a list");
          }
          Object[] values = new Object[column.getValue().size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = value(column.getValue().get(i));
          }
          columns.put(column.getKey(), values);
        }
        return loaded.scorer.scoreColumns(columns, count);
      } finally {
        loaded.lock.readLock().unlock();
      }
    }
  }

  private static Map<String, Object> values(JsonNode instance) {
    var map = new LinkedHashMap<String, Object>();
    instance.fields().forEachRemaining(e -> map.put(e.getKey(), value(e.getValue())));
    return map;
  }

  private static Object value(JsonNode node) {
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isNumber()) {
      return node.asDouble();
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.isNull() ? null : node.toString();
  }

  private static ObjectNode predictions(Scorer.Scores scores) {
    ObjectNode body = JSON.createObjectNode();
    ArrayNode list = body.putArray("predictions");
    for (int i = 0; i < scores.rows(); i++) {
      ObjectNode row = list.addObject();
      scores.row(i).forEach(row::put);
    }
    return body;
  }

  private static ObjectNode outputs(Scorer.Scores scores) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode outputs = body.putObject("outputs");
    scores.outputs().forEach((name, values) -> {
      ArrayNode list = outputs.putArray(name);
      for (float v : values) {
        list.add(v);
      }
    });
    return body;
  }

  private void reload(Context ctx) {
    Path directory = model.get().scorer.directory();
    try {
      JsonNode body = ctx.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(ctx.body());
      if (body.hasNonNull("model")) {
        directory = Path.of(body.get("model").asText());
      }
    } catch (Exception e) {
      json(ctx, 400, error("the body must be empty or {\"model\": \"DIR\"}"));
      return;
    }
    Scorer next;
    try {
      next = Scorer.load(directory);
    } catch (InputException e) {
      json(ctx, 400, error(e.getMessage()));
      return;
    }
    Loaded old = model.getAndSet(new Loaded(next, versions.incrementAndGet()));
    old.lock.writeLock().lock(); // waits for the requests still scoring on it
    try {
      old.closed = true;
      old.scorer.close();
    } finally {
      old.lock.writeLock().unlock();
    }
    LOG.info("reloaded model '{}' from {} as version {}", name, directory, model.get().version);
    json(ctx, 200, JSON.createObjectNode().put("version", Integer.toString(model.get().version)).put("model", directory.toString()));
  }

  private static ObjectNode error(String message) {
    return JSON.createObjectNode().put("error", message);
  }

  private static void json(Context ctx, int status, JsonNode body) {
    ctx.status(HttpStatus.forStatus(status)).contentType("application/json").result(body.toString());
  }

  /** Graceful stop: new predictions get 503, those in flight finish (up to 10 s), then the port closes. */
  @Override
  public void close() {
    draining = true;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    app.stop();
    workers.shutdownNow();
    Loaded loaded = model.get();
    loaded.lock.writeLock().lock();
    try {
      loaded.closed = true;
      loaded.scorer.close();
    } finally {
      loaded.lock.writeLock().unlock();
    }
  }

}
