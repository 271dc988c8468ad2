package io.htlnet.data.source;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a small, realistic file in the exact format of the Kaggle "Acquire Valued Shoppers"
 * {@code transactions.csv}: grouped by customer, dates from 2012-03-02, 2 % returns, and a
 * latent loyalty per customer (tied to chain and first-day basket) that drives repurchases.
 */
public final class AvsFixture {
  private static final String[] MEASURES = {"OZ", "CT", "LB", "RL", "FT", "YD", "PT", "QT"};
  private static final LocalDate START = LocalDate.of(2012, 3, 2);

  private AvsFixture() {}

  public static void write(Path file, int customers, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] chainLoyalty = new double[40];
    for (int c = 0; c < chainLoyalty.length; c++) {
      chainLoyalty[c] = 0.6 * random.nextGaussian();
    }
    try (CsvWriter csv = CsvWriter.builder().build(file)) {
      csv.writeRecord(AvsCustomerSource.TRANSACTION_COLUMNS);
      for (int customer = 0; customer < customers; customer++) {
        long id = 86246 + customer * 37L;
        int chain = random.nextInt(chainLoyalty.length);
        double loyalty = chainLoyalty[chain] + 0.8 * random.nextGaussian();
        // Mean gap between shopping days: about a week for loyal customers, months for the others.
        double meanGap = 20 * Math.exp(-loyalty);
        LocalDate day = START.plusDays(random.nextInt(420));
        int basketsLeft = 1 + (int) Math.min(60, -Math.log(1 - random.nextDouble()) * 365 / meanGap);
        while (basketsLeft-- > 0 && day.isBefore(LocalDate.of(2013, 7, 28))) {
          int items = 1 + random.nextInt(1 + (int) Math.max(0, 3 + loyalty * 2));
          for (int i = 0; i < items; i++) {
            int dept = random.nextInt(100);
            boolean isReturn = random.nextDouble() < 0.02;
            double amount = Math.round((0.5 + Math.exp(1.2 + 0.8 * random.nextGaussian())) * 100) / 100.0;
            int quantity = isReturn ? -1 : 1 + (random.nextDouble() < 0.15 ? 1 : 0);
            csv.writeRecord(List.of(
                Long.toString(id), Integer.toString(chain), Integer.toString(dept),
                Integer.toString(dept * 100 + random.nextInt(20)), Long.toString(100_000_000L + random.nextInt(900) * 1000L),
                Integer.toString(1000 + random.nextInt(9000)), day.toString(), Integer.toString(1 + random.nextInt(32)),
                MEASURES[random.nextInt(MEASURES.length)], Integer.toString(quantity),
                String.format(Locale.ROOT, "%.2f", isReturn ? -amount : amount * quantity)));
          }
          day = day.plusDays(1 + (long) (-Math.log(1 - random.nextDouble()) * meanGap));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
