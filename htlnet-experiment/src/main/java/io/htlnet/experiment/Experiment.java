package io.htlnet.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.writer.CsvWriter;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.HtlnetConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.DatasetLoader;
import io.htlnet.train.AtomicFiles;
import io.htlnet.train.RunFolder;
import io.htlnet.train.TrainingRun;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Runs every (variant, seed) of an experiment into {@code OUT/runs/VARIANT/seed-N}, skipping runs
 * that already finished with the same config (so an interrupted experiment resumes), then writes
 * {@code results.csv} and the report.
 */
public final class Experiment {
  public static final String RESULTS = "results.csv";

  private Experiment() {}

  /** One finished run: its variant, seed, and every metric flattened as {@code split.task.metric}. */
  public record RunResult(String variant, int seed, Map<String, Double> metrics) {}

  public record Outcome(List<RunResult> results, int trained, int resumed, List<String> taskChain, String dataFingerprint) {}

  public static Outcome run(ExperimentConfig config, Path configFile, String dataPath, Integer seedsOverride, Path out, boolean progress)
      throws IOException {
    int seeds = seedsOverride != null ? seedsOverride : config.seeds();
    var variants = config.allVariants();
    var results = new ArrayList<RunResult>();
    List<String> taskChain = null;
    String fingerprint = null;
    int trained = 0;
    int resumed = 0;
    try (ProgressBar bar = progress ? progress(config.name(), (long) variants.size() * seeds) : null) {
      for (ExperimentConfig.Variant variant : variants) {
        for (int seed = 1; seed <= seeds; seed++) {
          if (bar != null) {
            bar.setExtraMessage(" " + variant.name() + " seed " + seed);
          }
          var overrides = new ArrayList<>(config.set());
          overrides.addAll(variant.set());
          overrides.add("seed=" + seed);
          overrides.add("train.progress=false");
          if (dataPath != null) {
            overrides.add("data.path='" + dataPath.replace("'", "''") + "'");
          }
          ObjectNode tree = ConfigLoader.resolve(config.basePath(configFile), overrides);
          HtlnetConfig runConfig = ConfigLoader.bind(tree);
          taskChain = DatasetLoader.schema(runConfig.data()).taskChain();
          Path runDir = out.resolve("runs").resolve(slug(variant.name())).resolve("seed-" + seed);
          if (Files.isRegularFile(runDir.resolve(RunFolder.METRICS))) {
            HtlnetConfig stored = ConfigLoader.bind(new RunFolder(runDir).readConfig());
            if (!stored.equals(runConfig)) {
              throw new InputException(runDir + ": finished with a different config than the experiment now gives; "
                  + "remove the folder or choose another --out");
            }
            resumed++;
          } else {
            TrainingRun.run(tree, runConfig, runDir);
            trained++;
          }
          results.add(new RunResult(variant.name(), seed, flatten(readJson(runDir.resolve(RunFolder.METRICS)))));
          fingerprint = ConfigLoader.YAML.readTree(runDir.resolve(RunFolder.CONFIG).toFile()).at("/provenance/data_fingerprint").asText();
          if (bar != null) {
            bar.step();
          }
        }
      }
    }
    writeResults(out.resolve(RESULTS), results);
    return new Outcome(results, trained, resumed, taskChain, fingerprint);
  }

  /** A folder name for a variant: lower case, runs of other characters as one '-'. */
  static String slug(String name) {
    return name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.=]+", "-").replaceAll("^-|-$", "");
  }

  private static ProgressBar progress(String name, long runs) {
    return new ProgressBarBuilder().setTaskName(name).setInitialMax(runs).setUnit(" runs", 1)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
  }

  private static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage());
    }
  }

  /** {@code {"test": {"is_click": {"auc": x}}}} → {@code test.is_click.auc = x}; train figures too. */
  static Map<String, Double> flatten(JsonNode metrics) {
    var flat = new TreeMap<String, Double>();
    for (String split : List.of("test", "validation")) {
      Iterator<Map.Entry<String, JsonNode>> tasks = metrics.path(split).fields();
      while (tasks.hasNext()) {
        var task = tasks.next();
        task.getValue().fields().forEachRemaining(m -> flat.put(split + "." + task.getKey() + "." + m.getKey(), m.getValue().asDouble()));
      }
    }
    for (String key : List.of("epochs", "best_epoch", "seconds", "samples_per_second")) {
      flat.put("train." + key, metrics.path("train").path(key).asDouble());
    }
    return flat;
  }

  private static void writeResults(Path file, List<RunResult> results) {
    var columns = new TreeSet<String>();
    results.forEach(r -> columns.addAll(r.metrics().keySet()));
    var text = new StringWriter();
    try (CsvWriter csv = CsvWriter.builder().build(text)) {
      var header = new ArrayList<>(List.of("variant", "seed"));
      header.addAll(columns);
      csv.writeRecord(header);
      for (RunResult r : results) {
        var row = new ArrayList<>(List.of(r.variant(), Integer.toString(r.seed())));
        columns.forEach(c -> row.add(r.metrics().containsKey(c) ? Double.toString(r.metrics().get(c)) : ""));
        csv.writeRecord(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(file, text.toString());
  }
}
