package io.htlnet.data.adapters;

import io.htlnet.data.DatasetSchema;
import io.htlnet.data.DerivedColumn;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * KuaiRand impression logs (user_id, video_id, date, hourmin, time_ms, is_click, ..., long_view,
 * play_time_ms, duration_ms, ..., tab). Chain: is_click → long_view → play_time_ms. Derives the
 * hour, the day of week and a log2 bucket of the video duration in seconds.
 */
public final class KuaiRandAdapter extends CsvAdapter {
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

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
        new DerivedColumn("hour", "hourmin", hhmm -> Integer.toString(Integer.parseInt(hhmm) / 100)),
        new DerivedColumn("day_of_week", "date", KuaiRandAdapter::dayOfWeek),
        new DerivedColumn("duration_bucket", "duration_ms", KuaiRandAdapter::durationBucket));
  }

  private static String dayOfWeek(String yyyymmdd) {
    try {
      return Integer.toString(LocalDate.parse(yyyymmdd, DATE).getDayOfWeek().getValue());
    } catch (java.time.format.DateTimeParseException e) {
      throw new NumberFormatException("not a yyyymmdd date");
    }
  }

  /** floor(log2(1 + seconds)): 0 for under a second, 5 for 31–62 s, and so on. */
  static String durationBucket(String milliseconds) {
    double seconds = Double.parseDouble(milliseconds) / 1000.0;
    if (!(seconds >= 0)) {
      throw new NumberFormatException("duration must be a non-negative number");
    }
    return Integer.toString((int) Math.floor(Math.log(1 + seconds) / Math.log(2)));
  }
}
