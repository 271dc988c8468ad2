package io.htlnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessorTest {
  @TempDir Path dir;

  /** Ten rows in time order: the first 8 train, then 1 validation, 1 test. */
  private RawTable table(String... overrides) {
    Path file = TestData.csv(dir, TestData.HEADER,
        "a,x,1,1,1,0,10", "a,x,2,2,0,0,0", "b,x,3,3,1,1,20", "a,y,4,4,0,0,0", "c,y,5,5,1,0,30",
        "a,x,6,6,0,0,0", "b,y,7,7,1,1,40", "a,x,8,8,0,0,0", "d,x,100,9,1,0,50", "e,z,200,10,0,0,0");
    return DatasetLoader.read(TestData.config(file, overrides), 1);
  }

  @Test
  void vocabularyAndStatisticsComeFromTheTrainingSplitOnly() {
    RawTable table = table("data.min_count=2");
    ChronologicalSplit split = ChronologicalSplit.of(table.time(), table.rows(), 0.8, 0.1);
    assertThat(split.train()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
    Preprocessor p = Preprocessor.fit(table, split.train(), TestData.config(dir.resolve("data.csv"), "data.min_count=2"), java.util.List.of());
    // user counts in train: a 5, b 2, c 1 → c falls under min_count; d, e are never seen in train.
    assertThat(p.fields().get(0).values()).containsExactly("a", "b");
    assertThat(p.fields().get(1).values()).containsExactly("x", "y");
    assertThat(p.numeric().get(0).mean()).isEqualTo(4.5);
    assertThat(p.numeric().get(0).std()).isCloseTo(Math.sqrt(5.25), within(1e-12));
    // Field offsets: user rows 0..2 (OOV, a, b), item rows 3..5 (OOV, x, y).
    assertThat(p.fieldOffsets()).containsExactly(0, 3);
    EncodedSplit test = p.encode(table, split.test());
    assertThat(test.ids()).containsExactly(0, 3); // e and z: both out of vocabulary
    EncodedSplit train = p.encode(table, new int[] {0, 4});
    assertThat(train.ids()).containsExactly(1, 4, 0, 5); // a,x ; c (OOV),y
    assertThat(train.numeric()[0]).isCloseTo((float) ((1 - 4.5) / Math.sqrt(5.25)), within(1e-6f));
  }

  @Test
  void theTargetTransformRoundTripsAndUsesTrainingStatistics() {
    RawTable table = table("data.target.transform=log1p_zscore", "data.target.clip=35");
    ChronologicalSplit split = ChronologicalSplit.of(table.time(), table.rows(), 0.8, 0.1);
    Preprocessor p = Preprocessor.fit(table, split.train(), TestData.config(dir.resolve("data.csv"), "data.target.transform=log1p_zscore", "data.target.clip=35"), java.util.List.of());
    double[] shaped = {Math.log1p(10), 0, Math.log1p(20), 0, Math.log1p(30), 0, Math.log1p(35), 0};
    double mean = java.util.Arrays.stream(shaped).average().orElseThrow();
    assertThat(p.target().mean()).isCloseTo(mean, within(1e-12));
    assertThat(p.target().inverse(p.target().forward(12.0))).isCloseTo(12.0, within(1e-9));
    // Clipping: 40 trains as 35.
    assertThat(p.target().forward(40)).isEqualTo(p.target().forward(35));
  }

  @Test
  void theSplitFollowsTimeNotFileOrder() {
    long[] time = {5, 1, 4, 2, 3, 9, 8, 7, 6, 10};
    ChronologicalSplit split = ChronologicalSplit.of(time, 10, 0.8, 0.1);
    assertThat(split.train()).containsExactly(1, 3, 4, 2, 0, 8, 7, 6);
    assertThat(split.validation()).containsExactly(5);
    assertThat(split.test()).containsExactly(9);
  }
}
