package io.htlnet.data;

import java.util.Comparator;
import java.util.stream.IntStream;

/** Train, validation and test rows in time order: the first 80% of time for training, and so on. */
public record ChronologicalSplit(int[] train, int[] validation, int[] test) {

  /** Splits rows by rank of {@code time}; rows with equal time keep their file order. */
  public static ChronologicalSplit of(long[] time, int rows, double trainFraction, double validationFraction) {
    int[] order =
        IntStream.range(0, rows).boxed()
            .sorted(Comparator.comparingLong(i -> time[i]))
            .mapToInt(Integer::intValue)
            .toArray();
    int trainEnd = (int) Math.round(rows * trainFraction);
    int validationEnd = (int) Math.round(rows * (trainFraction + validationFraction));
    return new ChronologicalSplit(
        java.util.Arrays.copyOfRange(order, 0, trainEnd),
        java.util.Arrays.copyOfRange(order, trainEnd, validationEnd),
        java.util.Arrays.copyOfRange(order, validationEnd, rows));
  }
}
