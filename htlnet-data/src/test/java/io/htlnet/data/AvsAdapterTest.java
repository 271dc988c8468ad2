package io.htlnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.DataConfig;
import io.htlnet.config.InputException;
import io.htlnet.data.source.AvsFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sample per customer from AVS transactions, labels worked out by hand. */
class AvsAdapterTest {
  private static final String HEADER = "id,chain,dept,category,company,brand,date,productsize,productmeasure,purchasequantity,purchaseamount";

  @TempDir Path dir;

  private RawTable read(String... lines) throws Exception {
    Path file = dir.resolve("transactions.csv");
    Files.writeString(file, HEADER + "\n" + String.join("\n", lines) + "\n");
    DataConfig config = ConfigLoader.load(null, List.of("data.format=avs", "data.path='" + file + "'")).data();
    return DatasetLoader.read(config, 1);
  }

  @Test
  void buildsFirstDayFeaturesAndRepurchaseLabelsPerCustomer() throws Exception {
    RawTable table = read(
        // Customer 1: a return alone on 03-01 is no purchase day; 03-02 is the first (net 8.00, 3 items,
        // largest purchase dept 20); 03-20 (+4.00) and a return on 03-25 (−1.00) fall within 30 days;
        // 12-01 within the year only. → 1y = 1, 1m = 1, amount_1m = 3.00.
        "1,5,10,1001,7,70,2012-03-01,1,OZ,-1,-2.00",
        "1,5,10,1001,7,70,2012-03-02,1,OZ,1,3.00",
        "1,5,20,2002,8,80,2012-03-02,1,CT,2,5.00",
        "1,5,30,3003,9,90,2012-03-20,1,LB,1,4.00",
        "1,5,30,3003,9,90,2012-03-25,1,LB,-1,-1.00",
        "1,5,40,4004,9,90,2012-12-01,1,LB,1,10.00",
        // Customer 2: the next purchase comes 396 days later: no repurchase, amount 0.
        "2,6,11,1101,7,71,2012-05-01,1,OZ,1,2.00",
        "2,6,11,1101,7,71,2013-06-01,1,OZ,1,3.00",
        // Customer 3: only a return: no sample, counted.
        "3,6,11,1101,7,71,2012-05-01,1,OZ,-1,-2.00",
        // Customer 4: 04-01 nets −0.50 (a return beyond the purchase); first day 04-10; 05-10 is day 30.
        "4,7,12,1201,7,72,2012-04-01,1,OZ,1,1.00",
        "4,7,12,1201,7,72,2012-04-01,1,OZ,-1,-1.50",
        "4,7,13,1301,7,73,2012-04-10,1,RL,1,2.00",
        "4,7,13,1301,7,73,2012-05-10,1,RL,1,1.00");
    assertThat(table.schema().taskChain()).containsExactly("repurchase_1y", "repurchase_1m", "amount_1m");
    assertThat(table.rows()).isEqualTo(3);
    assertThat(table.labels()).containsExactly(1, 1, 0, 0, 1, 1);
    assertThat(table.core()).containsExactly(3.0, 0.0, 1.0);
    assertThat(table.time()).containsExactly(
        LocalDate.of(2012, 3, 2).toEpochDay(), LocalDate.of(2012, 5, 1).toEpochDay(), LocalDate.of(2012, 4, 10).toEpochDay());
    // Fields: chain, dept, category, company, brand, productmeasure, spend bucket, items bucket.
    int f = table.fieldCount();
    assertThat(table.dictionaries().get(1).get(table.categoricalIds()[1])).isEqualTo("20");   // largest first-day purchase
    assertThat(table.dictionaries().get(5).get(table.categoricalIds()[5])).isEqualTo("CT");
    assertThat(table.dictionaries().get(6).get(table.categoricalIds()[6])).isEqualTo("3");    // floor(log2(1 + 8.00))
    assertThat(table.dictionaries().get(7).get(table.categoricalIds()[7])).isEqualTo("2");    // floor(log2(1 + 3 items))
    assertThat(table.dictionaries().get(1).get(table.categoricalIds()[2 * f + 1])).isEqualTo("13");
    assertThat(table.accounting().rowsRead()).isEqualTo(4);
    assertThat(table.accounting().rowsSkipped()).isEqualTo(Map.of("customer_without_purchase", 1L));
  }

  @Test
  void aCustomerComingBackAfterAnotherIsAnError() {
    assertThatThrownBy(() -> read(
            "1,5,10,1001,7,70,2012-03-02,1,OZ,1,3.00",
            "2,5,10,1001,7,70,2012-03-02,1,OZ,1,3.00",
            "1,5,10,1001,7,70,2012-03-04,1,OZ,1,3.00"))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("transactions.csv:4:1: column 'id': customer 1 appears again after other customers; the transactions must be grouped by id");
  }

  @Test
  void aBadDateNamesItsLineAndColumn() {
    assertThatThrownBy(() -> read("1,5,10,1001,7,70,03/02/2012,1,OZ,1,3.00"))
        .isInstanceOf(InputException.class)
        .hasMessageEndingWith("transactions.csv:2:7: column 'date': '03/02/2012' is not a yyyy-mm-dd date");
  }

  @Test
  void theFixtureIsInTheCompetitionFormatAndGivesBothLabels() throws Exception {
    Path file = dir.resolve("fixture.csv");
    AvsFixture.write(file, 500, 3);
    assertThat(Files.readAllLines(file).get(0)).isEqualTo(HEADER);
    DataConfig config = ConfigLoader.load(null, List.of("data.format=avs", "data.path='" + file + "'")).data();
    RawTable table = DatasetLoader.read(config, 1);
    assertThat(table.accounting().rowsRead()).isEqualTo(500);
    double year = 0;
    double month = 0;
    for (int i = 0; i < table.rows(); i++) {
      year += table.labels()[2 * i];
      month += table.labels()[2 * i + 1];
      assertThat(table.labels()[2 * i + 1]).isLessThanOrEqualTo(table.labels()[2 * i]); // a 1-month repurchase is a 1-year one
    }
    assertThat(year / table.rows()).isBetween(0.2, 0.95);
    assertThat(month / table.rows()).isBetween(0.05, 0.9);
  }
}
