package io.htlnet.model;

import io.htlnet.config.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.SessionFunction;
import org.tensorflow.Tensor;

/** Scores encoded rows with an exported SavedModel through its {@value ModelSession#ENCODED} signature. */
public final class SavedModelPredictor implements Predictor {
  private final SavedModelBundle bundle;
  private final SessionFunction function;
  private final int fields;
  private final int numeric;

  public SavedModelPredictor(Path directory, int fields, int numeric) {
    if (!Files.isRegularFile(directory.resolve("saved_model.pb"))) {
      throw new InputException(directory + ": not a SavedModel folder (no saved_model.pb)");
    }
    this.bundle =
        SavedModelBundle.loader(directory.toString())
            .withTags(SavedModelBundle.DEFAULT_TAG)
            .withConfigProto(ModelSession.servingThreads())
            .load();
    this.function = bundle.function(ModelSession.ENCODED);
    this.fields = fields;
    this.numeric = numeric;
  }

  @Override
  public Predictions predict(int rows, int[] ids, float[] numericValues) {
    List<Tensor> inputs = new ArrayList<>();
    try {
      Map<String, Tensor> feeds = new HashMap<>();
      inputs.add(Tensors.ints(ids, rows * fields, rows, fields));
      feeds.put("ids", inputs.get(0));
      if (numeric > 0) {
        inputs.add(Tensors.floats(numericValues, rows * numeric, rows, numeric));
        feeds.put("numeric", inputs.get(1));
      }
      try (Result result = function.call(feeds)) {
        return new Predictions(
            Tensors.toArray(result.get("probabilities").orElseThrow()), Tensors.toArray(result.get("core").orElseThrow()));
      }
    } finally {
      inputs.forEach(Tensor::close);
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}
