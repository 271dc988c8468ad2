package io.htlnet.data.source;

import io.htlnet.config.DataConfig.SyntheticConfig;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates impressions of users and items with latent factors, seeded and of any size.
 *
 * <p>The process, per impression of item j to user i at some hour: affinity {@code s = 2·u_i·v_j +
 * G[group(i), category(j)]}, with a taste matrix G of user groups for item categories; click with
 * probability {@code σ(−1 + s + b_j + a_i + 0.3·sin(2π·hour/24))}; after a click, long
 * view with probability {@code σ(−0.3 + 1.5·u_i·w_j + 0.8·s − 0.5·ln(d_j/30))} (long items are
 * watched to the end less often); the watch time is {@code d_j} times a ratio in [0.5, 1] after a
 * long view, in [0, 0.5] after a click alone, and a brief preview in [0, 0.05] without a click.
 * The core target therefore depends on both conversions and on the same factors that drive them.
 */
public final class SyntheticSource implements RecordSource {
  public static final List<String> HEADER =
      List.of("user_id", "item_id", "user_group", "item_category", "hour", "item_duration",
          "timestamp", "click", "long_view", "watch_time");
  private static final long START_MS = 1_650_000_000_000L;
  private static final int GROUPS = 10;
  private static final int CATEGORIES = 20;

  private final SyntheticConfig config;
  private final long seed;
  private final SplittableRandom random;
  private final double[][] userFactors;
  private final double[] userActivity;
  private final double[][] itemFactors;
  private final double[][] itemQuality;
  private final double[] itemBias;
  private final double[] itemDuration;
  private final double[][] groupTaste;
  private int produced;

  public SyntheticSource(SyntheticConfig config, long seed) {
    this.config = config;
    this.seed = seed;
    this.random = new SplittableRandom(seed);
    double scale = 1 / Math.sqrt(config.factors());
    userFactors = gaussian(config.users(), config.factors(), scale);
    userActivity = gaussian(1, config.users(), 0.8)[0];
    itemFactors = gaussian(config.items(), config.factors(), scale);
    itemQuality = gaussian(config.items(), config.factors(), scale);
    itemBias = gaussian(1, config.items(), 0.8)[0];
    groupTaste = gaussian(GROUPS, CATEGORIES, 1.0);
    itemDuration = new double[config.items()];
    for (int j = 0; j < config.items(); j++) {
      itemDuration[j] = Math.exp(Math.log(30) + 0.7 * random.nextGaussian());
    }
  }

  private double[][] gaussian(int rows, int columns, double scale) {
    double[][] values = new double[rows][columns];
    for (double[] row : values) {
      for (int c = 0; c < columns; c++) {
        row[c] = scale * random.nextGaussian();
      }
    }
    return values;
  }

  private static double dot(double[] a, double[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += a[i] * b[i];
    }
    return sum;
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  @Override
  public String name() {
    return "synthetic(seed=" + seed + ")";
  }

  @Override
  public List<String> header() {
    return HEADER;
  }

  @Override
  public SourceRecord next() {
    if (produced == config.rows()) {
      return null;
    }
    produced++;
    int user = random.nextInt(config.users());
    // Popular items are shown more: the square of a uniform skews towards low ids.
    double u = random.nextDouble();
    int item = (int) (u * u * config.items());
    long time = START_MS + (long) (random.nextDouble() * config.days() * 86_400_000L);
    int hour = (int) ((time / 3_600_000L) % 24);
    double affinity = 2 * dot(userFactors[user], itemFactors[item]) + groupTaste[user % GROUPS][item % CATEGORIES];
    double duration = itemDuration[item];
    double pClick = sigmoid(-1 + affinity + itemBias[item] + userActivity[user] + 0.3 * Math.sin(2 * Math.PI * hour / 24));
    boolean click = random.nextDouble() < pClick;
    boolean longView = false;
    double watch;
    if (click) {
      double pLong = sigmoid(-0.3 + 1.5 * dot(userFactors[user], itemQuality[item]) + 0.8 * affinity - 0.5 * Math.log(duration / 30));
      longView = random.nextDouble() < pLong;
      double ratio = sigmoid(affinity + 0.5 * random.nextGaussian());
      watch = duration * (longView ? 0.5 + 0.5 * ratio : 0.5 * ratio);
    } else {
      watch = duration * 0.05 * random.nextDouble();
    }
    return new SourceRecord(
        produced + 1L,
        new String[] {
          Integer.toString(user), Integer.toString(item), Integer.toString(user % GROUPS),
          Integer.toString(item % CATEGORIES), Integer.toString(hour), Double.toString(duration),
          Long.toString(time), click ? "1" : "0", longView ? "1" : "0", Double.toString(watch)
        });
  }

  @Override
  public void close() {}
}
