package io.htlnet.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds a run's configuration: {@code defaults.yaml}, then the user's YAML file, then {@code
 * --set key=value} overrides. A key that the defaults do not know is an error naming the key, so a
 * typo never silently falls back to a default.
 */
public final class ConfigLoader {
  public static final ObjectMapper YAML =
      new ObjectMapper(
              new YAMLFactory()
                  .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                  .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private static final Map<String, Set<String>> CHOICES =
      Map.of(
          "data.format", Set.of("synthetic", "kuairand", "avs", "csv"),
          "data.target.transform", Set.of("none", "zscore", "log1p_zscore"),
          "data.on_error", Set.of("fail", "skip"),
          "model.fusion", Set.of("attention", "concat"),
          "gradients.scope", Set.of("global", "per_table"));

  private ConfigLoader() {}

  /** The defaults alone. */
  public static ObjectNode defaults() {
    try (InputStream in = ConfigLoader.class.getResourceAsStream("defaults.yaml")) {
      return (ObjectNode) YAML.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Defaults, then {@code file} (may be null), then each {@code key=value} override. */
  public static ObjectNode resolve(Path file, List<String> overrides) {
    ObjectNode tree = defaults();
    if (file != null) {
      JsonNode user;
      try {
        user = YAML.readTree(file.toFile());
      } catch (JsonProcessingException e) {
        throw new InputException(
            file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                + ": not valid YAML: " + oneLine(e.getOriginalMessage()));
      } catch (IOException e) {
        throw new InputException(file + ": cannot read config: " + e.getMessage());
      }
      if (user != null && !user.isMissingNode() && !user.isNull()) {
        if (!user.isObject()) {
          throw new InputException(file + ": a config must be a YAML mapping of keys");
        }
        merge(tree, (ObjectNode) user, "", file.toString());
      }
    }
    for (String override : overrides) {
      set(tree, override);
    }
    return tree;
  }

  /** Binds a resolved tree to the typed config and checks every value's range. */
  public static HtlnetConfig bind(JsonNode tree) {
    HtlnetConfig config;
    try {
      config = YAML.treeToValue(tree, HtlnetConfig.class);
    } catch (JsonMappingException e) {
      String key =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."))
              .replace(".[", "[");
      throw new InputException("config key '" + key + "': " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw new InputException("config: " + e.getOriginalMessage());
    }
    for (var choice : CHOICES.entrySet()) {
      JsonNode value = at(tree, choice.getKey());
      if (!value.isNull() && !choice.getValue().contains(value.asText())) {
        throw new InputException(
            "config key '" + choice.getKey() + "' is '" + value.asText() + "'; expected one of "
                + choice.getValue().stream().sorted().toList());
      }
    }
    ConfigValidator.validate(config);
    return config;
  }

  public static HtlnetConfig load(Path file, List<String> overrides) {
    return bind(resolve(file, overrides));
  }

  public static String toYaml(JsonNode tree) {
    try {
      return YAML.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** SnakeYAML's multi-line messages as one line: what it parsed and what it expected. */
  private static String oneLine(String message) {
    var lines = message.lines().map(String::strip).toList();
    return java.util.stream.Stream.concat(
            lines.stream().limit(1),
            lines.stream().skip(1).filter(l -> l.startsWith("expected") || l.startsWith("found") || l.startsWith("but")))
        .collect(Collectors.joining("; "));
  }

  private static JsonNode at(JsonNode tree, String dotted) {
    JsonNode node = tree;
    for (String part : dotted.split("\\.")) {
      node = node.path(part);
    }
    return node;
  }

  private static void merge(ObjectNode base, ObjectNode user, String prefix, String source) {
    Iterator<Map.Entry<String, JsonNode>> fields = user.fields();
    while (fields.hasNext()) {
      var field = fields.next();
      String key = prefix + field.getKey();
      if (!base.has(field.getKey())) {
        throw new InputException(source + ": unknown config key '" + key + "'" + known(base));
      }
      JsonNode current = base.get(field.getKey());
      if (current.isObject() && field.getValue().isObject()) {
        merge((ObjectNode) current, (ObjectNode) field.getValue(), key + ".", source);
      } else {
        base.set(field.getKey(), field.getValue());
      }
    }
  }

  private static void set(ObjectNode tree, String override) {
    int eq = override.indexOf('=');
    if (eq <= 0) {
      throw new InputException("--set '" + override + "': expected key=value, e.g. train.epochs=3");
    }
    String key = override.substring(0, eq).trim();
    String[] parts = key.split("\\.");
    ObjectNode node = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      JsonNode next = node.get(parts[i]);
      if (next == null || !next.isObject()) {
        throw new InputException("--set: unknown config key '" + key + "'" + known(node));
      }
      node = (ObjectNode) next;
    }
    String leaf = parts[parts.length - 1];
    if (!node.has(leaf)) {
      throw new InputException("--set: unknown config key '" + key + "'" + known(node));
    }
    try {
      JsonNode value = YAML.readTree(override.substring(eq + 1));
      node.set(leaf, value == null || value.isMissingNode() ? tree.nullNode() : value);
    } catch (JsonProcessingException e) {
      throw new InputException("--set " + key + ": not a valid value: " + e.getOriginalMessage());
    }
  }

  private static String known(JsonNode node) {
    var names = new java.util.ArrayList<String>();
    node.fieldNames().forEachRemaining(names::add);
    return "; known keys here: " + names;
  }

  /** Writes the config as YAML. */
  public static void write(JsonNode tree, Path file) {
    try {
      Files.writeString(file, toYaml(tree));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
