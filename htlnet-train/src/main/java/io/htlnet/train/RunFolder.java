package io.htlnet.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.htlnet.config.ConfigLoader;
import io.htlnet.config.InputException;
import io.htlnet.data.Preprocessor;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The files of a run: {@code config.resolved.yaml} (config + provenance), {@code metrics.json},
 * {@code history.json}, {@code steps.csv}, {@code training_curves.png}, {@code report.md}, {@code preprocessor.json} and the SavedModel
 * in {@code model/}. Every file is written atomically.
 */
public final class RunFolder {
  public static final String CONFIG = "config.resolved.yaml";
  public static final String METRICS = "metrics.json";
  public static final String HISTORY = "history.json";
  public static final String CURVES = "training_curves.png";
  public static final String REPORT = "report.md";
  public static final String STEPS = "steps.csv";
  public static final String PREPROCESSOR = "preprocessor.json";
  public static final String MODEL = "model";
  /** In {@code model/}: the serving signature's inputs and outputs, for people and clients. */
  public static final String SERVING = "serving.json";

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public final Path directory;

  public RunFolder(Path directory) {
    this.directory = directory;
  }

  /** Creates the folder for a new run; refuses one that already holds a run. */
  static RunFolder create(Path directory) {
    if (Files.exists(directory.resolve(METRICS))) {
      throw new InputException(directory + ": already holds a run (metrics.json); choose another --out or remove it");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new InputException(directory + ": cannot create the run folder: " + e.getMessage());
    }
    return new RunFolder(directory);
  }

  public Path resolve(String name) {
    return directory.resolve(name);
  }

  void writeJson(String name, Object value) {
    writeJson(directory.resolve(name), value);
  }

  void writeJson(Path file, Object value) {
    try {
      AtomicFiles.writeString(file, JSON.writeValueAsString(value) + "\n");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  void writeConfig(JsonNode resolved, Map<String, Object> provenance) {
    ObjectNode tree = resolved.deepCopy();
    tree.set("provenance", JSON.valueToTree(provenance));
    AtomicFiles.writeString(directory.resolve(CONFIG), ConfigLoader.toYaml(tree));
  }

  /** The config a run was trained with, provenance removed. */
  public JsonNode readConfig() {
    Path file = directory.resolve(CONFIG);
    try {
      ObjectNode tree = (ObjectNode) ConfigLoader.YAML.readTree(file.toFile());
      tree.remove("provenance");
      return tree;
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the run's config: " + e.getMessage());
    }
  }

  public Preprocessor readPreprocessor() {
    Path file = directory.resolve(PREPROCESSOR);
    try {
      return JSON.readValue(file.toFile(), Preprocessor.class);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read the run's preprocessor: " + e.getMessage());
    }
  }

}
