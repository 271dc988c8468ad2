package io.htlnet.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.DatasetLoader;
import io.htlnet.data.EncodedSplit;
import io.htlnet.data.Preprocessor;
import io.htlnet.data.RawTable;
import io.htlnet.model.Predictor;
import io.htlnet.model.SavedModelPredictor;
import io.htlnet.train.Evaluator;
import io.htlnet.train.RunFolder;
import io.htlnet.train.TrainingRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation (encoded inputs through the SavedModel), the Java scorer (raw columns, in-graph
 * derivations and lookups), batch predict and the HTTP server give the same scores for the same
 * rows; the server speaks TF Serving's REST shapes and survives bad requests.
 */
class ServingParityTest {
  private static final int ROWS = 1500;
  private static final int BATCH = 250;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir static Path dir;
  static Path data;
  static Path run;
  static Preprocessor preprocessor;
  static Predictor.Predictions evaluated;
  static List<Map<String, String>> rawRows;
  static Scorer scorer;
  static ModelServer server;

  /** KuaiRand-format rows with random but plausible values (derivations included). */
  static Path kuaiRandLike(Path file) throws Exception {
    SplittableRandom random = new SplittableRandom(5);
    var lines = new ArrayList<String>();
    lines.add("user_id,video_id,date,hourmin,time_ms,is_click,is_like,is_follow,is_comment,is_forward,is_hate,long_view,play_time_ms,duration_ms,profile_stay_time,comment_stay_time,is_profile_enter,is_rand,tab");
    for (int i = 0; i < ROWS; i++) {
      int user = random.nextInt(60);
      int video = random.nextInt(300);
      int day = 22 + random.nextInt(17);
      String date = day <= 30 ? "202204" + day : "2022050" + (day - 30);
      int click = random.nextDouble() < 0.2 + 0.3 * ((user + video) % 3 == 0 ? 1 : 0) ? 1 : 0;
      int longView = click == 1 && random.nextBoolean() ? 1 : 0;
      long duration = 5000 + random.nextInt(200_000);
      long play = (long) (duration * (click == 1 ? 0.3 + 0.6 * random.nextDouble() : 0.05 * random.nextDouble()));
      lines.add(user + "," + video + "," + date + "," + (random.nextInt(24) * 100 + random.nextInt(60)) + "," + (1650600000000L + i * 60000L)
          + "," + click + ",0,0,0,0,0," + longView + "," + play + "," + duration + ",0,0,0,1," + random.nextInt(3));
    }
    Files.write(file, lines);
    return file;
  }

  @BeforeAll
  static void trainAndServe() throws Exception {
    data = kuaiRandLike(dir.resolve("log.csv"));
    var tree = ConfigLoader.resolve(null, List.of("data.format=kuairand", "data.path='" + data + "'",
        "train.epochs=2", "train.progress=false", "data.target.transform=log1p_zscore"));
    HtlnetConfig config = ConfigLoader.bind(tree);
    run = dir.resolve("run");
    TrainingRun.run(tree, config, run);
    preprocessor = new RunFolder(run).readPreprocessor();
    RawTable table = DatasetLoader.read(config.data(), config.seed());
    EncodedSplit all = preprocessor.encode(table, IntStream.range(0, table.rows()).toArray());
    try (var encoded = new SavedModelPredictor(run.resolve("model"), preprocessor.fields().size(), preprocessor.numeric().size())) {
      evaluated = Evaluator.predictAll(encoded, all, preprocessor.fields().size(), 0, 2, BATCH);
    }
    rawRows = new ArrayList<>();
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(data)) {
      csv.forEach(r -> rawRows.add(new LinkedHashMap<>(r.getFieldsAsMap())));
    }
    scorer = Scorer.load(run);
    server = new ModelServer(Scorer.load(run), "htlnet", new ModelServer.Limits(300, 1 << 20, 5000)).start("127.0.0.1", 0);
  }

  @AfterAll
  static void stop() {
    server.close();
    scorer.close();
  }

  private static void assertSame(int row, Map<String, ? extends Number> scores) {
    assertThat(scores.get("is_click").doubleValue()).as("is_click, row %d", row).isCloseTo(evaluated.probabilities()[2 * row], org.assertj.core.api.Assertions.within(1e-6));
    assertThat(scores.get("long_view").doubleValue()).as("long_view, row %d", row).isCloseTo(evaluated.probabilities()[2 * row + 1], org.assertj.core.api.Assertions.within(1e-6));
    double core = evaluated.core()[row];
    assertThat(scores.get("play_time_ms").doubleValue()).as("play_time_ms, row %d", row)
        .isCloseTo(core, org.assertj.core.api.Assertions.within(1e-6 * Math.max(1, Math.abs(core))));
    assertThat(scores.get("score").doubleValue()).isEqualTo(scores.get("play_time_ms").doubleValue());
  }

  @Test
  void theJavaScorerMatchesEvaluationRowForRow() {
    for (int start = 0; start < ROWS; start += BATCH) {
      Scorer.Scores scores = scorer.score(rawRows.subList(start, start + BATCH));
      for (int i = 0; i < BATCH; i++) {
        assertSame(start + i, scores.row(i));
      }
    }
  }

  @Test
  void batchPredictMatchesEvaluationAndAccountsForEveryRow() throws Exception {
    Path out = dir.resolve("predictions.csv");
    BatchPredict.Accounting accounting = BatchPredict.run(scorer, data, out, ',', BATCH, false, false);
    assertThat(accounting.rowsRead()).isEqualTo(ROWS);
    assertThat(accounting.rowsWritten()).isEqualTo(ROWS);
    try (CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(out)) {
      int row = 0;
      for (NamedCsvRecord r : csv) {
        var scores = new LinkedHashMap<String, Double>();
        for (String name : List.of("is_click", "long_view", "play_time_ms", "score")) {
          scores.put(name, Double.parseDouble(r.getField(BatchPredict.PREFIX + name)));
        }
        assertThat(r.getField("user_id")).isEqualTo(rawRows.get(row).get("user_id"));
        assertSame(row++, scores);
      }
      assertThat(row).isEqualTo(ROWS);
    }
  }

  @Test
  void batchPredictNamesABadRowsLineOrSkipsAndCountsIt() throws Exception {
    Path bad = dir.resolve("bad.csv");
    var lines = new ArrayList<>(Files.readAllLines(data).subList(0, 6));
    lines.set(3, lines.get(3).replaceFirst(",2022\\d{4},", ",yesterday,"));
    Files.write(bad, lines);
    Path out = dir.resolve("bad-out.csv");
    assertThatThrownBy(() -> BatchPredict.run(scorer, bad, out, ',', 100, false, false))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bad + ":4: a feature value the model cannot take");
    assertThat(out).doesNotExist();
    lines.set(5, "1,2,3");
    Files.write(bad, lines);
    assertThatThrownBy(() -> BatchPredict.run(scorer, bad, out, ',', 100, false, false))
        .isInstanceOf(InputException.class)
        .hasMessage(bad + ":6: row has 3 fields, the header has 19");
    BatchPredict.Accounting accounting = BatchPredict.run(scorer, bad, out, ',', 100, true, false);
    assertThat(accounting.rowsRead()).isEqualTo(5);
    assertThat(accounting.rowsWritten()).isEqualTo(3);
    assertThat(accounting.rowsSkipped()).isEqualTo(Map.of("wrong_field_count", 1L, "rejected_by_model", 1L));
  }

  @Test
  void theScorerNamesAMissingOrMistypedFeature() {
    var candidate = new LinkedHashMap<String, Object>(rawRows.get(0));
    candidate.remove("date");
    assertThatThrownBy(() -> scorer.score(List.of(candidate))).isInstanceOf(InputException.class).hasMessage("candidate 0: missing feature 'date'");
    candidate.put("date", List.of(1));
    assertThatThrownBy(() -> scorer.score(List.of(candidate))).isInstanceOf(InputException.class)
        .hasMessageStartingWith("candidate 0: feature 'date' must be a string or a number");
  }

  private static HttpResponse<String> post(String path, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theServerAnswersTfServingRowAndColumnRequestsWithTheSameScores() throws Exception {
    ObjectNode request = JSON.createObjectNode();
    ArrayNode instances = request.putArray("instances");
    for (Map<String, String> row : rawRows.subList(0, BATCH)) {
      ObjectNode instance = instances.addObject();
      scorer.inputs().keySet().forEach(input -> instance.put(input, row.get(input)));
    }
    HttpResponse<String> response = post("/v1/models/htlnet:predict", request.toString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode predictions = JSON.readTree(response.body()).get("predictions");
    assertThat(predictions.size()).isEqualTo(BATCH);
    for (int i = 0; i < BATCH; i++) {
      var scores = new LinkedHashMap<String, Double>();
      predictions.get(i).fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asDouble()));
      assertThat(scores.keySet()).containsExactly("is_click", "long_view", "play_time_ms", "score");
      assertSame(i, scores);
    }
    ObjectNode columnar = JSON.createObjectNode();
    ObjectNode inputs = columnar.putObject("inputs");
    for (String input : scorer.inputs().keySet()) {
      ArrayNode column = inputs.putArray(input);
      rawRows.subList(0, 3).forEach(r -> column.add(r.get(input)));
    }
    JsonNode outputs = JSON.readTree(post("/v1/models/htlnet:predict", columnar.toString()).body()).get("outputs");
    assertThat(outputs.get("is_click").size()).isEqualTo(3);
    assertThat(outputs.get("score").size()).isEqualTo(3);

    JsonNode status = JSON.readTree(get("/v1/models/htlnet").body());
    assertThat(status.at("/model_version_status/0/state").asText()).isEqualTo("AVAILABLE");
  }

  @Test
  void malformedRequestsGetA4xxAndTheServerStaysUp() throws Exception {
    assertThat(post("/v1/models/htlnet:predict", "not json").statusCode()).isEqualTo(400);
    assertThat(post("/v1/models/htlnet:predict", "{\"rows\": []}").statusCode()).isEqualTo(400);
    assertThat(post("/v1/models/htlnet:predict", "{\"instances\": []}").statusCode()).isEqualTo(400);
    assertThat(post("/v1/models/htlnet:predict", "{\"instances\": [{\"user_id\": \"1\"}]}").body()).contains("missing feature");
    assertThat(post("/v1/models/htlnet:predict", "{\"instances\": [{\"user_id\": \"1\"}]}").statusCode()).isEqualTo(400);
    assertThat(post("/v1/models/other:predict", "{\"instances\": [{}]}").statusCode()).isEqualTo(404);
    assertThat(post("/v1/models/htlnet:classify", "{\"instances\": [{}]}").statusCode()).isEqualTo(400);
    String tooMany = "{\"instances\": [" + String.join(",", java.util.Collections.nCopies(301, "{}")) + "]}";
    assertThat(post("/v1/models/htlnet:predict", tooMany).statusCode()).isEqualTo(413);
    String huge = "{\"instances\": [{\"user_id\": \"" + "x".repeat(2 << 20) + "\"}]}";
    assertThat(post("/v1/models/htlnet:predict", huge).statusCode()).isEqualTo(413);
    ObjectNode badDate = JSON.createObjectNode();
    ObjectNode instance = badDate.putArray("instances").addObject();
    scorer.inputs().keySet().forEach(input -> instance.put(input, rawRows.get(0).get(input)));
    instance.put("date", "yesterday");
    HttpResponse<String> rejected = post("/v1/models/htlnet:predict", badDate.toString());
    assertThat(rejected.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(rejected.body()).get("error").asText()).contains("cannot take");
    assertThat(get("/health").body()).contains("ok");
    String metrics = get("/metrics").body();
    assertThat(metrics).contains("htlnet_requests_total{code=\"400\",endpoint=\"predict\"}");
    assertThat(metrics).contains("htlnet_request_seconds_bucket");
  }

  @Test
  void reloadSwapsTheModelAndKeepsServing() throws Exception {
    HttpResponse<String> reloaded = post("/v1/models/htlnet:reload", "{\"model\": \"" + run + "\"}");
    assertThat(reloaded.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(get("/v1/models/htlnet").body()).at("/model_version_status/0/version").asInt()).isGreaterThan(1);
    ObjectNode request = JSON.createObjectNode();
    ObjectNode instance = request.putArray("instances").addObject();
    scorer.inputs().keySet().forEach(input -> instance.put(input, rawRows.get(0).get(input)));
    assertThat(post("/v1/models/htlnet:predict", request.toString()).statusCode()).isEqualTo(200);
    assertThat(post("/v1/models/htlnet:reload", "{\"model\": \"" + dir.resolve("nothing") + "\"}").statusCode()).isEqualTo(400);
  }
}
