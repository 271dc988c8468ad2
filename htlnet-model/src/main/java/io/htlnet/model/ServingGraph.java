package io.htlnet.model;

import io.htlnet.config.InputException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.HashTable;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Stack;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The serving path inside the model's graph: raw column values in (strings for categorical and
 * derived fields, floats for numeric ones), the same derivations, vocabulary lookups (unknown
 * values get the field's OOV row) and standardisation as training, and each task's prediction
 * (probabilities; the core on the raw scale) and the ranking score out. The vocabularies are
 * hash tables initialised by {@link #tablesInitialized}, which the SavedModel names as its
 * {@code __saved_model_init_op} so that any standard loader (TF Serving too) initialises them.
 */
final class ServingGraph {
  final Map<String, Placeholder<TString>> stringInputs = new LinkedHashMap<>();
  final Map<String, Placeholder<TFloat32>> numericInputs = new LinkedHashMap<>();
  final Map<String, Operand<TFloat32>> outputs = new LinkedHashMap<>();
  final Operand<TFloat32> tablesInitialized;

  /**
   * @param predict maps encoded ids [B, F] and standardised numeric values [B, N] (null without
   *     numeric fields) to the classification probabilities [B, K] and the raw-scale core [B]
   */
  ServingGraph(Ops tf, ServingSpec spec, int[] offsets,
      BiFunction<Operand<TInt32>, Operand<TFloat32>, List<Operand<TFloat32>>> predict) {
    Ops serving = tf.withSubScope("serving");
    var initializers = new ArrayList<Op>();
    var ids = new ArrayList<Operand<TInt32>>();
    for (int f = 0; f < spec.fields().size(); f++) {
      ServingSpec.Field field = spec.fields().get(f);
      Placeholder<TString> raw = stringInputs.computeIfAbsent(field.source(),
          column -> serving.withName(column).placeholder(TString.class, Placeholder.shape(Shape.of(-1))));
      Operand<TString> value = field.derivation() == null ? raw : derive(serving, field.derivation(), raw);
      Ops init = serving.withInitScope();
      HashTable table = init.withName("vocabulary_" + field.name()).hashTable(TString.class, TInt64.class);
      long[] rows = new long[field.values().size()];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = offsets[f] + i + 1L;
      }
      initializers.add(init.initializeTable(table, init.constant(java.nio.charset.StandardCharsets.UTF_8, field.values().toArray(String[]::new)), init.constant(rows)));
      ids.add(serving.dtypes.cast(serving.lookupTableFind(table, value, serving.constant((long) offsets[f])), TInt32.class));
    }
    Operand<TInt32> encoded = serving.stack(ids, Stack.axis(1L));
    Operand<TFloat32> standardised = null;
    if (!spec.numeric().isEmpty()) {
      var columns = new ArrayList<Operand<TFloat32>>();
      for (ServingSpec.Numeric n : spec.numeric()) {
        Placeholder<TFloat32> raw = serving.withName(n.name()).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1)));
        numericInputs.put(n.name(), raw);
        columns.add(serving.math.div(serving.math.sub(raw, serving.constant((float) n.mean())), serving.constant((float) n.std())));
      }
      standardised = serving.stack(columns, Stack.axis(1L));
    }
    List<Operand<TFloat32>> predictions = predict.apply(encoded, standardised);
    int k = spec.taskChain().size() - 1;
    for (int t = 0; t < k; t++) {
      outputs.put(spec.taskChain().get(t), serving.withName("p_" + t).gather(predictions.get(0), serving.constant(t), serving.constant(1)));
    }
    outputs.put(spec.taskChain().get(k), predictions.get(1));
    int scored = spec.score().equals("core") ? k : spec.taskChain().indexOf(spec.score());
    if (scored < 0 || (scored == k && !spec.score().equals("core") && !spec.score().equals(spec.taskChain().get(k)))) {
      throw new InputException("config key 'serve.score': '" + spec.score() + "' is not 'core' or one of " + spec.taskChain());
    }
    outputs.put("score", serving.withName("score").identity(outputs.get(spec.taskChain().get(scored))));
    tablesInitialized = serving.withInitScope().withControlDependencies(initializers).withName("tables_initialized").constant(1f);
  }

  /** The graph form of each {@code Derivation} of the data module (same names, same results). */
  private static Operand<TString> derive(Ops tf, String derivation, Operand<TString> raw) {
    switch (derivation) {
      case "HOUR_OF_HHMM" -> {
        return tf.dtypes.asString(tf.math.floorDiv(tf.strings.toNumber(raw, TInt64.class), tf.constant(100L)));
      }
      case "DAY_OF_WEEK_OF_YYYYMMDD" -> {
        Operand<TInt64> date = tf.strings.toNumber(raw, TInt64.class);
        Operand<TInt64> year = tf.math.floorDiv(date, tf.constant(10000L));
        Operand<TInt64> month = tf.math.floorMod(tf.math.floorDiv(date, tf.constant(100L)), tf.constant(100L));
        Operand<TInt64> day = tf.math.floorMod(date, tf.constant(100L));
        // Days since 1970-01-01 by the civil-calendar formula (March-based years), then ISO weekday.
        Operand<TBool> early = tf.math.lessEqual(month, tf.constant(2L));
        Operand<TInt64> y = tf.select(early, tf.math.sub(year, tf.constant(1L)), year);
        Operand<TInt64> era = tf.math.floorDiv(y, tf.constant(400L));
        Operand<TInt64> yearOfEra = tf.math.sub(y, tf.math.mul(era, tf.constant(400L)));
        Operand<TInt64> shiftedMonth = tf.select(early, tf.math.add(month, tf.constant(9L)), tf.math.sub(month, tf.constant(3L)));
        Operand<TInt64> dayOfYear = tf.math.add(
            tf.math.floorDiv(tf.math.add(tf.math.mul(tf.constant(153L), shiftedMonth), tf.constant(2L)), tf.constant(5L)),
            tf.math.sub(day, tf.constant(1L)));
        Operand<TInt64> dayOfEra = tf.math.add(
            tf.math.add(tf.math.mul(yearOfEra, tf.constant(365L)), tf.math.floorDiv(yearOfEra, tf.constant(4L))),
            tf.math.sub(dayOfYear, tf.math.floorDiv(yearOfEra, tf.constant(100L))));
        Operand<TInt64> days = tf.math.sub(tf.math.add(tf.math.mul(era, tf.constant(146097L)), dayOfEra), tf.constant(719468L));
        return tf.dtypes.asString(tf.math.add(tf.math.floorMod(tf.math.add(days, tf.constant(3L)), tf.constant(7L)), tf.constant(1L)));
      }
      case "LOG2_BUCKET_OF_MILLISECONDS" -> {
        Operand<TFloat64> seconds = tf.math.div(tf.strings.toNumber(raw, TFloat64.class), tf.constant(1000.0));
        Operand<TFloat64> bucket = tf.math.floor(tf.math.div(tf.math.log(tf.math.add(tf.constant(1.0), seconds)), tf.constant(Math.log(2))));
        return tf.dtypes.asString(tf.dtypes.cast(bucket, TInt64.class));
      }
      default -> throw new IllegalArgumentException("no serving form for derivation " + derivation);
    }
  }
}
