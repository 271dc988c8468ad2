package io.htlnet.config;

/** The training loop: epochs, batches, early stopping and engine threads. */
public record TrainConfig(
    int epochs,
    int batchSize,
    int evalBatchSize,
    EarlyStopping earlyStopping,
    Threads threads,
    boolean progress) {

  /** Stop when {@code metric} on the validation split has not improved for {@code patience} epochs. */
  public record EarlyStopping(String metric, int patience) {}

  /** TensorFlow's intra-op and inter-op thread pools (1 and 2 measured fastest on 2 cores). */
  public record Threads(int intraOp, int interOp) {}
}
