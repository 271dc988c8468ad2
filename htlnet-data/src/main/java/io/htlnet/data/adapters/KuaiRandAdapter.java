package io.htlnet.data.adapters;

import io.htlnet.data.DatasetSchema;
import io.htlnet.data.Derivation;
import io.htlnet.data.DerivedColumn;
import java.util.List;

/**
 * KuaiRand impression logs (user_id, video_id, date, hourmin, time_ms, is_click, ..., long_view,
 * play_time_ms, duration_ms, ..., tab). Chain: is_click → long_view → play_time_ms. Derives the
 * hour, the day of week and a log2 bucket of the video duration in seconds.
 */
public final class KuaiRandAdapter extends CsvAdapter {
  @Override
  public DatasetSchema defaultSchema() {
    return new DatasetSchema(
        List.of("user_id", "video_id", "tab", "hour", "day_of_week", "duration_bucket"),
        List.of(),
        "time_ms",
        List.of("is_click", "long_view"),
        "play_time_ms");
  }

  @Override
  public List<DerivedColumn> derivedColumns() {
    return List.of(
        new DerivedColumn("hour", "hourmin", Derivation.HOUR_OF_HHMM),
        new DerivedColumn("day_of_week", "date", Derivation.DAY_OF_WEEK_OF_YYYYMMDD),
        new DerivedColumn("duration_bucket", "duration_ms", Derivation.LOG2_BUCKET_OF_MILLISECONDS));
  }
}
