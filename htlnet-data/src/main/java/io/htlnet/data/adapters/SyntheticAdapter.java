package io.htlnet.data.adapters;

import io.htlnet.config.DataConfig;
import io.htlnet.data.DatasetSchema;
import io.htlnet.data.source.RecordSource;
import io.htlnet.data.source.SyntheticSource;
import java.util.List;

/** The project's own hybrid-target data with a known generating process (see {@link SyntheticSource}). */
public final class SyntheticAdapter implements DatasetAdapter {
  @Override
  public DatasetSchema defaultSchema() {
    return new DatasetSchema(
        List.of("user_id", "item_id", "user_group", "item_category", "hour"),
        List.of("item_duration"),
        "timestamp",
        List.of("click", "long_view"),
        "watch_time");
  }

  @Override
  public RecordSource open(DataConfig config, long seed) {
    return new SyntheticSource(config.synthetic(), seed);
  }

  @Override
  public String fingerprint(DataConfig config, long seed) {
    var s = config.synthetic();
    return "synthetic:rows=" + s.rows() + ",users=" + s.users() + ",items=" + s.items()
        + ",factors=" + s.factors() + ",days=" + s.days() + ",seed=" + seed;
  }
}
