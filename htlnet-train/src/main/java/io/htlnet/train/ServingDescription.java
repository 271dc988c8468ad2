package io.htlnet.train;

import io.htlnet.data.Preprocessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code model/serving.json}: what the {@code serving_default} signature takes and returns. */
final class ServingDescription {
  private ServingDescription() {}

  static Map<String, Object> of(Preprocessor preprocessor, String score) {
    var inputs = new LinkedHashMap<String, Map<String, Object>>();
    for (Preprocessor.Field field : preprocessor.fields()) {
      var input = inputs.computeIfAbsent(field.source(), s -> new LinkedHashMap<>(Map.of("dtype", "string", "shape", "[batch]")));
      @SuppressWarnings("unchecked")
      var feeds = (List<String>) input.computeIfAbsent("features", k -> new ArrayList<String>());
      feeds.add(field.derivation() == null ? field.name() : field.name() + " = " + field.derivation() + "(" + field.source() + ")");
      input.put("vocabulary_size", field.values().size());
    }
    for (Preprocessor.NumericStat n : preprocessor.numeric()) {
      inputs.put(n.name(), new LinkedHashMap<>(Map.of("dtype", "float", "shape", "[batch]", "standardised_with", Map.of("mean", n.mean(), "std", n.std()))));
    }
    var outputs = new LinkedHashMap<String, String>();
    preprocessor.tasks().forEach(t -> outputs.put(t, "probability of " + t + " [batch]"));
    outputs.put(preprocessor.core(), "predicted " + preprocessor.core() + " on its raw scale [batch]");
    outputs.put("score", "ranking score: " + (score.equals("core") ? "the predicted " + preprocessor.core() : "the probability of " + score) + " [batch]");
    var description = new LinkedHashMap<String, Object>();
    description.put("signature", "serving_default");
    description.put("method", "tensorflow/serving/predict");
    description.put("inputs", inputs);
    description.put("outputs", outputs);
    description.put("unknown_values", "a categorical value not seen in training maps to the field's out-of-vocabulary embedding");
    description.put("encoded_signature", "'encoded' takes ids [batch, fields] and standardised numeric [batch, n] (see preprocessor.json)");
    return description;
  }
}
