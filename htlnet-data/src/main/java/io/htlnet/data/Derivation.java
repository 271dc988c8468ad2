package io.htlnet.data;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How a derived column is computed from its source column. Each has the same definition in the
 * serving graph (model module, by name), so a served model takes the raw column.
 */
public enum Derivation {
  /** {@code hhmm} → the hour, e.g. 1830 → 18. */
  HOUR_OF_HHMM {
    @Override
    public String apply(String hhmm) {
      return Integer.toString(Integer.parseInt(hhmm) / 100);
    }
  },
  /** {@code yyyymmdd} → ISO day of week, Monday 1 … Sunday 7. */
  DAY_OF_WEEK_OF_YYYYMMDD {
    @Override
    public String apply(String yyyymmdd) {
      try {
        return Integer.toString(LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE).getDayOfWeek().getValue());
      } catch (DateTimeParseException e) {
        throw new NumberFormatException("not a yyyymmdd date");
      }
    }
  },
  /** milliseconds → floor(log2(1 + seconds)): 0 under a second, 5 for 31–62 s, and so on. */
  LOG2_BUCKET_OF_MILLISECONDS {
    @Override
    public String apply(String milliseconds) {
      double seconds = Double.parseDouble(milliseconds) / 1000.0;
      if (!(seconds >= 0)) {
        throw new NumberFormatException("duration must be a non-negative number");
      }
      return Integer.toString((int) Math.floor(Math.log(1 + seconds) / Math.log(2)));
    }
  };

  /** The derived value; {@link NumberFormatException} for a source value it cannot take. */
  public abstract String apply(String source);
}
