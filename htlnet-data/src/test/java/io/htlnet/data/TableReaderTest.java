package io.htlnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.htlnet.config.InputException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableReaderTest {
  @TempDir Path dir;

  private RawTable read(Path file, String... overrides) {
    return DatasetLoader.read(TestData.config(file, overrides), 1);
  }

  @Test
  void readsEveryColumnOfAGoodFile() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,1,0,3.5", "u2,i1,1.0,50,0,0,0", "u1,i2,4,70,1,1,12");
    RawTable table = read(file);
    assertThat(table.rows()).isEqualTo(3);
    assertThat(table.dictionaries().get(0)).containsExactly("u1", "u2");
    assertThat(table.categoricalIds()).containsExactly(0, 0, 1, 0, 0, 1);
    assertThat(table.numeric()).containsExactly(2.5f, 1.0f, 4f);
    assertThat(table.labels()).containsExactly(1, 0, 0, 0, 1, 1);
    assertThat(table.core()).containsExactly(3.5, 0, 12);
    assertThat(table.time()).containsExactly(100, 50, 70);
    assertThat(table.accounting().rowsRead()).isEqualTo(3);
    assertThat(table.accounting().rowsUsed()).isEqualTo(3);
  }

  @Test
  void aTruncatedRowNamesItsLineAndColumn() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,1,0,3.5", "u2,i1,1.0,50");
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":3:5: column 'click': row has 4 fields, the header has 7");
  }

  @Test
  void aNonNumericValueNamesItsLineColumnAndName() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,abc,100,1,0,3.5");
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2:3: column 'price': 'abc' is not a number");
  }

  @Test
  void aColumnMissingFromTheHeaderNamesTheConfigKey() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,1,0,3.5");
    assertThatThrownBy(() -> read(file, "data.numeric=[cost]"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining(file + ":1: column 'cost' named in data.numeric is not in the header");
  }

  @Test
  void anEmptyFileSaysSo() {
    Path file = TestData.csv(dir);
    assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessage(file + ": the file is empty; expected a header line");
  }

  @Test
  void aMissingFileSaysSo() {
    Path file = dir.resolve("nope.csv");
    assertThatThrownBy(() -> read(file)).isInstanceOf(InputException.class).hasMessage(file + ": no such file");
  }

  @Test
  void aLabelOutsideZeroAndOneIsAnError() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,2,0,3.5");
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2:5: column 'click': label '2' is not 0 or 1");
  }

  @Test
  void aNaNCoreTargetIsAnError() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,1,0,NaN");
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2:7: column 'amount': 'NaN' is not finite: the core target must be a number");
  }

  @Test
  void skippingCountsEveryBadRowUnderItsReason() {
    Path file = TestData.csv(dir, TestData.HEADER,
        "u1,i1,2.5,100,1,0,3.5",
        "u2,i1,1.0,50",           // truncated
        "u2,i1,x,50,0,0,1",       // not a number
        "u2,i1,1,50,7,0,1",       // label not binary
        "u2,i1,1,50,0,0,NaN",     // core not finite
        "u2,i1,1,50,0,0,Infinity", // core not finite
        "u3,i2,1,60,0,1,2");
    RawTable table = read(file, "data.on_error=skip");
    assertThat(table.rows()).isEqualTo(2);
    assertThat(table.accounting().rowsRead()).isEqualTo(7);
    assertThat(table.accounting().rowsUsed()).isEqualTo(2);
    assertThat(table.accounting().rowsSkipped()).isEqualTo(Map.of(
        "wrong_field_count", 1L, "not_a_number", 1L, "label_not_binary", 1L, "core_not_finite", 2L));
    assertThat(table.accounting().rowsRead()).isEqualTo(table.accounting().rowsUsed() + table.accounting().totalSkipped());
    // A skipped row leaves nothing behind: u2's only surviving values are from no row at all.
    assertThat(table.dictionaries().get(0)).containsExactly("u1", "u3");
  }

  @Test
  void negativeCoreValuesAreRejectedOnlyForTheLogTransform() {
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,1,0,-3");
    assertThat(read(file).rows()).isEqualTo(1);
    assertThatThrownBy(() -> read(file, "data.target.transform=log1p_zscore"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("core target -3 is negative");
  }

  @Test
  void quotedFieldsWithDelimitersAreOneValue() {
    Path file = TestData.csv(dir, TestData.HEADER, "\"u,1\",i1,2.5,100,1,0,3.5");
    assertThat(read(file).dictionaries().get(0)).containsExactly("u,1");
  }
}
