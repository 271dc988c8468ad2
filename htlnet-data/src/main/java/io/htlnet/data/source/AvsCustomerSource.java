package io.htlnet.data.source;

import io.htlnet.config.InputException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Kaggle "Acquire Valued Shoppers" {@code transactions.csv} as one record per customer, streamed:
 * only the current customer's transactions are held, so memory does not grow with the file.
 * The file must be grouped by customer id (the competition's file is); a customer id that comes
 * back after another is an error.
 *
 * <p>Per customer, with d0 the first date whose net amount is positive (the first purchase day):
 * <ul>
 *   <li>features of d0: chain, dept, category, company, brand and productmeasure of its largest
 *       purchase (first in the file on ties); log2 buckets of the day's net spend and item count;
 *   <li>{@code repurchase_1y}, {@code repurchase_1m}: a later day with a positive net amount within
 *       365 / 30 days of d0;
 *   <li>{@code amount_1m} (the core): the net amount of the days in (d0, d0 + 30], at least 0;
 *   <li>{@code first_day}: d0 as days since 1970-01-01, the time column.
 * </ul>
 * Returns (negative quantities and amounts) are netted into their day: a day of returns alone is
 * no purchase day, and returns reduce the 1-month amount. A customer with no positive day yields
 * no record and is counted ({@link #droppedRows()}).
 */
public final class AvsCustomerSource implements RecordSource {
  public static final List<String> TRANSACTION_COLUMNS =
      List.of("id", "chain", "dept", "category", "company", "brand", "date", "productsize", "productmeasure",
          "purchasequantity", "purchaseamount");
  public static final List<String> HEADER =
      List.of("id", "chain", "dept", "category", "company", "brand", "productmeasure", "first_day_spend_bucket",
          "first_day_items_bucket", "first_day", "repurchase_1y", "repurchase_1m", "amount_1m");

  private final CsvRecordSource transactions;
  private final int[] columns;
  private final Set<String> finished = new HashSet<>();
  private final List<Transaction> current = new ArrayList<>();
  private String currentId;
  private long currentLine;
  private SourceRecord pending;
  private boolean exhausted;
  private long withoutPurchase;

  private record Transaction(long line, String[] categorical, LocalDate date, double quantity, double amount) {}

  public AvsCustomerSource(Path file, char delimiter) {
    this.transactions = new CsvRecordSource(file, delimiter);
    List<String> header = transactions.header();
    columns = TRANSACTION_COLUMNS.stream().mapToInt(header::indexOf).toArray();
    for (int i = 0; i < columns.length; i++) {
      if (columns[i] < 0) {
        transactions.close();
        throw new InputException(file + ":1: column '" + TRANSACTION_COLUMNS.get(i) + "' of the AVS transactions format is not in the header " + header);
      }
    }
  }

  @Override
  public String name() {
    return transactions.name();
  }

  @Override
  public List<String> header() {
    return HEADER;
  }

  /** Customers whose transactions hold no day with a positive net amount: they yield no record. */
  @Override
  public java.util.Map<String, Long> droppedRows() {
    return withoutPurchase == 0 ? java.util.Map.of() : java.util.Map.of("customer_without_purchase", withoutPurchase);
  }

  @Override
  public SourceRecord next() {
    while (!exhausted) {
      SourceRecord row = transactions.next();
      if (row == null) {
        exhausted = true;
        SourceRecord last = finishCustomer();
        if (last != null) {
          return last;
        }
        break;
      }
      Transaction t = parse(row);
      String id = row.fields()[columns[0]].trim();
      if (!id.equals(currentId)) {
        SourceRecord done = finishCustomer();
        if (!finished.add(id)) {
          throw new InputException(name() + ":" + row.line() + ":" + (columns[0] + 1) + ": column 'id': customer " + id
              + " appears again after other customers; the transactions must be grouped by id");
        }
        currentId = id;
        currentLine = row.line();
        current.add(t);
        if (done != null) {
          return done;
        }
      } else {
        current.add(t);
      }
    }
    return null;
  }

  private Transaction parse(SourceRecord row) {
    String[] f = row.fields();
    if (f.length != transactions.header().size()) {
      throw new InputException(name() + ":" + row.line() + ":" + (Math.min(f.length, transactions.header().size()) + 1)
          + ": row has " + f.length + " fields, the header has " + transactions.header().size());
    }
    String[] categorical = new String[6];
    int[] featureColumns = {columns[1], columns[2], columns[3], columns[4], columns[5], columns[8]};
    for (int i = 0; i < 6; i++) {
      categorical[i] = f[featureColumns[i]].trim();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(f[columns[6]].trim());
    } catch (DateTimeParseException e) {
      throw new InputException(name() + ":" + row.line() + ":" + (columns[6] + 1) + ": column 'date': '" + f[columns[6]] + "' is not a yyyy-mm-dd date");
    }
    return new Transaction(row.line(), categorical, date, number(row, 9), number(row, 10));
  }

  private double number(SourceRecord row, int column) {
    String text = row.fields()[columns[column]].trim();
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InputException(name() + ":" + row.line() + ":" + (columns[column] + 1) + ": column '"
        + TRANSACTION_COLUMNS.get(column) + "': '" + text + "' is not a number");
  }

  /** The record of the customer read so far, or null (none yet, or no purchase day). */
  private SourceRecord finishCustomer() {
    if (current.isEmpty()) {
      return null;
    }
    var netByDay = new TreeMap<LocalDate, Double>();
    current.forEach(t -> netByDay.merge(t.date(), t.amount(), Double::sum));
    LocalDate firstDay = netByDay.entrySet().stream().filter(e -> e.getValue() > 0).map(java.util.Map.Entry::getKey).findFirst().orElse(null);
    SourceRecord record = null;
    if (firstDay == null) {
      withoutPurchase++;
    } else {
      Transaction largest = null;
      double items = 0;
      for (Transaction t : current) {
        if (t.date().equals(firstDay)) {
          items += t.quantity();
          if (largest == null || t.amount() > largest.amount()) {
            largest = t;
          }
        }
      }
      boolean year = false;
      boolean month = false;
      double monthAmount = 0;
      for (var day : netByDay.tailMap(firstDay, false).entrySet()) {
        long days = day.getKey().toEpochDay() - firstDay.toEpochDay();
        if (days <= 30) {
          monthAmount += day.getValue();
        }
        if (day.getValue() > 0) {
          year |= days <= 365;
          month |= days <= 30;
        }
      }
      var fields = new ArrayList<String>();
      fields.add(currentId);
      fields.addAll(List.of(largest.categorical()));
      fields.add(bucket(netByDay.get(firstDay)));
      fields.add(bucket(items));
      fields.add(Long.toString(firstDay.toEpochDay()));
      fields.add(year ? "1" : "0");
      fields.add(month ? "1" : "0");
      fields.add(Double.toString(Math.max(0, monthAmount)));
      record = new SourceRecord(currentLine, fields.toArray(String[]::new));
    }
    current.clear();
    return record;
  }

  /** floor(log2(1 + max(x, 0))) as a category. */
  static String bucket(double x) {
    return Integer.toString((int) Math.floor(Math.log1p(Math.max(x, 0)) / Math.log(2)));
  }

  @Override
  public void close() {
    transactions.close();
  }
}
