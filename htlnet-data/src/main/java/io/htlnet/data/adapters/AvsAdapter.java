package io.htlnet.data.adapters;

import io.htlnet.config.DataConfig;
import io.htlnet.data.DatasetSchema;
import io.htlnet.data.source.AvsCustomerSource;
import io.htlnet.data.source.RecordSource;
import java.util.List;

/**
 * Kaggle "Acquire Valued Shoppers" transactions, one sample per customer (see
 * {@link AvsCustomerSource}): chain repurchase within 1 year → within 1 month → the 1-month
 * repurchase amount.
 */
public final class AvsAdapter extends CsvAdapter {
  @Override
  public DatasetSchema defaultSchema() {
    return new DatasetSchema(
        List.of("chain", "dept", "category", "company", "brand", "productmeasure", "first_day_spend_bucket", "first_day_items_bucket"),
        List.of(),
        "first_day",
        List.of("repurchase_1y", "repurchase_1m"),
        "amount_1m");
  }

  @Override
  public RecordSource open(DataConfig config, long seed) {
    return new AvsCustomerSource(path(config), delimiter(config));
  }
}
