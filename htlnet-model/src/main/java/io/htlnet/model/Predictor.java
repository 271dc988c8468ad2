package io.htlnet.model;

/** Scores encoded rows: the live training session and a loaded SavedModel both do this. */
public interface Predictor extends AutoCloseable {
  /**
   * @param ids rows × fields global embedding rows
   * @param numeric rows × numeric standardised values
   */
  Predictions predict(int rows, int[] ids, float[] numeric);

  @Override
  void close();

  /** Probabilities (rows × classification tasks, row-major) and the core prediction on the raw scale. */
  record Predictions(float[] probabilities, float[] core) {}
}
