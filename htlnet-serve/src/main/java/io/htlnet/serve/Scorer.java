package io.htlnet.serve;

import io.htlnet.config.InputException;
import io.htlnet.model.ModelSession;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;

/**
 * Scores candidates with a model folder's SavedModel through its raw-input signature: one
 * session call per batch, safe to share between threads. Inputs are the raw columns the
 * signature names: strings for categorical (and derived) features, numbers for numeric ones.
 * A missing or mistyped feature is an {@link InputException} naming the candidate and the feature.
 */
public final class Scorer implements AutoCloseable {
  private final Path directory;
  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final Map<String, Boolean> inputs = new LinkedHashMap<>(); // name → is string
  private final List<String> outputs;

  private Scorer(Path directory, SavedModelBundle bundle) {
    this.directory = directory;
    this.bundle = bundle;
    this.function = bundle.function(ModelSession.SIGNATURE);
    function.signature().getInputs().forEach((name, description) -> inputs.put(name, description.dataType == DataType.DT_STRING));
    this.outputs = outputOrder(directory, function.signature().outputNames());
  }

  /** The outputs in serving.json's order (the task chain, then score) where the file is there. */
  private static List<String> outputOrder(Path directory, java.util.Set<String> names) {
    Path description = directory.resolve("serving.json");
    if (Files.isRegularFile(description)) {
      try {
        var ordered = new ArrayList<String>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(description.toFile()).path("outputs").fieldNames().forEachRemaining(ordered::add);
        if (ordered.size() == names.size() && names.containsAll(ordered)) {
          return List.copyOf(ordered);
        }
      } catch (java.io.IOException e) {
        // fall back to the signature's order
      }
    }
    return names.stream().sorted().toList();
  }

  /** Loads a run folder (its {@code model/}) or a SavedModel folder. */
  public static Scorer load(Path folder) {
    Path model = Files.isRegularFile(folder.resolve("model/saved_model.pb")) ? folder.resolve("model") : folder;
    if (!Files.isRegularFile(model.resolve("saved_model.pb"))) {
      throw new InputException(folder + ": neither a run folder nor a SavedModel folder (no saved_model.pb)");
    }
    SavedModelBundle bundle = SavedModelBundle.loader(model.toString())
        .withTags(SavedModelBundle.DEFAULT_TAG)
        .withConfigProto(ModelSession.servingThreads())
        .load();
    if (bundle.signatures().stream().noneMatch(s -> s.key().equals(ModelSession.SIGNATURE))) {
      bundle.close();
      throw new InputException(model + ": the SavedModel has no '" + ModelSession.SIGNATURE + "' raw-input signature");
    }
    return new Scorer(model, bundle);
  }

  public Path directory() {
    return directory;
  }

  /** Input names and whether each takes strings (else numbers), in signature order. */
  public Map<String, Boolean> inputs() {
    return inputs;
  }

  /** Output names: each task's prediction by task name, and {@code score}. */
  public List<String> outputs() {
    return outputs;
  }

  /** Scores of a batch: each output name → one value per candidate. */
  public record Scores(int rows, Map<String, float[]> outputs) {
    /** One candidate's outputs. */
    public Map<String, Float> row(int i) {
      var row = new LinkedHashMap<String, Float>();
      outputs.forEach((name, values) -> row.put(name, values[i]));
      return row;
    }
  }

  /** Scores candidates given as maps from input name to value. */
  public Scores score(List<? extends Map<String, ?>> candidates) {
    var columns = new HashMap<String, Object[]>();
    for (String input : inputs.keySet()) {
      Object[] column = new Object[candidates.size()];
      for (int i = 0; i < candidates.size(); i++) {
        Map<String, ?> candidate = candidates.get(i);
        if (candidate == null || !candidate.containsKey(input)) {
          throw new InputException("candidate " + i + ": missing feature '" + input + "'");
        }
        column[i] = candidate.get(input);
      }
      columns.put(input, column);
    }
    return scoreColumns(columns, candidates.size());
  }

  /** Scores candidates given as columns: input name → one value per candidate. */
  public Scores scoreColumns(Map<String, ? extends Object[]> columns, int rows) {
    var tensors = new ArrayList<Tensor>();
    try {
      var feeds = new HashMap<String, Tensor>();
      for (var input : inputs.entrySet()) {
        Object[] column = columns.get(input.getKey());
        if (column == null) {
          throw new InputException("missing feature '" + input.getKey() + "'");
        }
        if (column.length != rows) {
          throw new InputException("feature '" + input.getKey() + "' has " + column.length + " values for " + rows + " candidates");
        }
        Tensor tensor = input.getValue() ? strings(input.getKey(), column) : floats(input.getKey(), column);
        tensors.add(tensor);
        feeds.put(input.getKey(), tensor);
      }
      try (Result result = call(feeds)) {
        var out = new LinkedHashMap<String, float[]>();
        for (String name : outputs) {
          TFloat32 t = (TFloat32) result.get(name).orElseThrow();
          float[] values = new float[rows];
          t.copyTo(DataBuffers.of(values, false, false));
          out.put(name, values);
        }
        return new Scores(rows, out);
      }
    } finally {
      tensors.forEach(Tensor::close);
    }
  }

  /** Runs the signature; a value the graph cannot parse (e.g. a non-numeric date) is an input error. */
  private Result call(Map<String, Tensor> feeds) {
    try {
      return function.call(feeds);
    } catch (org.tensorflow.exceptions.TFInvalidArgumentException e) {
      throw new InputException("a feature value the model cannot take: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  private static TString strings(String feature, Object[] values) {
    String[] text = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof String s) {
        text[i] = s;
      } else if (v instanceof Number n) {
        text[i] = n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e15
            ? Long.toString(n.longValue()) : n.toString();
      } else if (v instanceof Boolean b) {
        text[i] = b.toString();
      } else {
        throw new InputException("candidate " + i + ": feature '" + feature + "' must be a string or a number, got " + describe(v));
      }
    }
    return TString.tensorOf(StandardCharsets.UTF_8, Shape.of(values.length), DataBuffers.ofObjects(text));
  }

  private static TFloat32 floats(String feature, Object[] values) {
    float[] numbers = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Number n) {
        numbers[i] = n.floatValue();
      } else if (v instanceof String s) {
        try {
          numbers[i] = Float.parseFloat(s.trim());
        } catch (NumberFormatException e) {
          throw new InputException("candidate " + i + ": feature '" + feature + "': '" + s + "' is not a number");
        }
      } else {
        throw new InputException("candidate " + i + ": feature '" + feature + "' must be a number, got " + describe(v));
      }
      if (!Float.isFinite(numbers[i])) {
        throw new InputException("candidate " + i + ": feature '" + feature + "' is not a finite number");
      }
    }
    return TFloat32.tensorOf(Shape.of(values.length), DataBuffers.of(numbers, true, false));
  }

  private static String describe(Object v) {
    return v == null ? "null" : v.getClass().getSimpleName();
  }

  @Override
  public void close() {
    bundle.close();
  }
}
