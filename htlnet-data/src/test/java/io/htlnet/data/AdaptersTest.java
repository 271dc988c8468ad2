package io.htlnet.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.htlnet.config.ConfigLoader;
import io.htlnet.config.DataConfig;
import io.htlnet.config.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdaptersTest {
  @TempDir Path dir;

  private static final String KUAIRAND_HEADER =
      "user_id,video_id,date,hourmin,time_ms,is_click,is_like,is_follow,is_comment,is_forward,is_hate,long_view,play_time_ms,duration_ms,profile_stay_time,comment_stay_time,is_profile_enter,is_rand,tab";

  @Test
  void kuaiRandDerivesHourDayOfWeekAndDurationBucket() throws Exception {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, KUAIRAND_HEADER + "\n"
        + "0,5543,20220430,1800,1651314030792,0,0,0,0,0,0,0,863,30066,0,0,0,1,1\n"
        + "0,1836,20220502,1200,1651466607423,1,0,0,0,0,0,1,40000,132433,0,0,0,1,1\n");
    DataConfig config = ConfigLoader.load(null, List.of("data.format=kuairand", "data.path='" + file + "'")).data();
    RawTable table = DatasetLoader.read(config, 1);
    assertThat(table.schema().categorical()).containsExactly("user_id", "video_id", "tab", "hour", "day_of_week", "duration_bucket");
    assertThat(table.schema().taskChain()).containsExactly("is_click", "long_view", "play_time_ms");
    // 2022-04-30 was a Saturday (6), 2022-05-02 a Monday (1); 30.066 s → floor(log2(31.066)) = 4; 132.4 s → 7.
    assertThat(table.dictionaries().get(3)).containsExactly("18", "12");
    assertThat(table.dictionaries().get(4)).containsExactly("6", "1");
    assertThat(table.dictionaries().get(5)).containsExactly("4", "7");
    assertThat(table.labels()).containsExactly(0, 0, 1, 1);
    assertThat(table.core()).containsExactly(863, 40000);
  }

  @Test
  void aBadSourceOfADerivedColumnIsReportedAtTheSourceColumn() throws Exception {
    Path file = dir.resolve("log.csv");
    Files.writeString(file, KUAIRAND_HEADER + "\n" + "0,5543,2022-04-30,1800,1651314030792,0,0,0,0,0,0,0,863,30066,0,0,0,1,1\n");
    DataConfig config = ConfigLoader.load(null, List.of("data.format=kuairand", "data.path='" + file + "'")).data();
    assertThatThrownBy(() -> DatasetLoader.read(config, 1))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2:3: column 'date': '2022-04-30' cannot give day_of_week");
  }

  @Test
  void joinedColumnsBecomeCategoricalFieldsAndMissingKeysAreOutOfVocabulary() throws Exception {
    Path users = dir.resolve("users.csv");
    Files.writeString(users, "user,segment\nu1,gold\n");
    Path file = TestData.csv(dir, TestData.HEADER, "u1,i1,2.5,100,1,0,3.5", "u2,i1,1.0,50,0,0,0");
    DataConfig config = TestData.config(file, "data.joins=[{path: '" + users + "', key: user, columns: [segment]}]");
    RawTable table = DatasetLoader.read(config, 1);
    assertThat(table.schema().categorical()).containsExactly("user", "item", "segment");
    assertThat(table.categoricalIds()).containsExactly(0, 0, 0, 1, 0, -1);
  }

  @Test
  void theSyntheticGeneratorIsDeterministicAndFollowsItsChain() {
    DataConfig config = ConfigLoader.load(null, List.of("data.synthetic.rows=5000")).data();
    RawTable a = DatasetLoader.read(config, 7);
    RawTable b = DatasetLoader.read(config, 7);
    assertThat(a.core()).containsExactly(b.core());
    assertThat(a.labels()).containsExactly(b.labels());
    assertThat(DatasetLoader.read(config, 8).core()).isNotEqualTo(a.core());
    int clicks = 0;
    for (int i = 0; i < a.rows(); i++) {
      float click = a.labels()[2 * i];
      float longView = a.labels()[2 * i + 1];
      assertThat(longView).isLessThanOrEqualTo(click); // a long view only ever follows a click
      clicks += (int) click;
    }
    assertThat(clicks).isBetween(500, 4500);
  }
}
