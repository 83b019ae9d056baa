package io.eddy.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.connector.Boundedness;
import io.eddy.api.datastream.CloseableIterator;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.JobRun;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(30)
class DataGenSourceTest {
  record Reading(long sensor, int value) {}

  private static <T> List<T> collect(DataGenSource<T> source, int parallelism) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    return JobRun.run(env.fromSource(source, WatermarkStrategy.noWatermarks(), "datagen")).output();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 4})
  void sequenceYieldsEveryNumberExactlyOnce(int parallelism) throws Exception {
    List<Long> numbers = collect(DataGenSource.sequence(-5, 9_994), parallelism);
    assertThat(numbers).hasSize(10_000)
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(-5, 9_994).boxed().toList());
  }

  @Test
  void randomRecordsDependOnTheSeedOnly() throws Exception {
    GeneratorFunction<Reading> seeded42 = GeneratorFunction.random(42, (random, i) -> new Reading(i, random.nextInt()));
    List<Reading> once = collect(DataGenSource.of(1_000, seeded42), 1);
    List<Reading> again = collect(DataGenSource.of(1_000, seeded42), 3);
    List<Reading> otherSeed = collect(
        DataGenSource.of(1_000, GeneratorFunction.random(43, (random, i) -> new Reading(i, random.nextInt()))), 1);

    assertThat(again).containsExactlyInAnyOrderElementsOf(once);
    assertThat(otherSeed).doesNotContainAnyElementsOf(once);
    assertThat(once.stream().map(Reading::value).distinct().count()).isGreaterThan(990);
  }

  @Test
  void rateLimitIsNotExceeded() throws Exception {
    long start = System.nanoTime();
    List<Long> numbers = collect(DataGenSource.sequence(1, 300).withRate(600), 2);
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(numbers).hasSize(300);
    assertThat(elapsedMillis).as("300 records at 600/s take about 500 ms").isGreaterThanOrEqualTo(250);
  }

  @Test
  void unboundedSourceRunsUntilCancelledWithoutRepeats() throws Exception {
    DataGenSource<Long> source = DataGenSource.unbounded(i -> i);
    assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    Set<Long> seen = new HashSet<>();
    List<Long> taken = new ArrayList<>();
    try (CloseableIterator<Long> it = env.fromSource(source, WatermarkStrategy.noWatermarks(), "endless")
        .executeAndCollect()) {
      while (taken.size() < 5_000) {
        taken.add(it.next());
      }
    }
    seen.addAll(taken);
    assertThat(seen).hasSize(taken.size());
  }

  @Test
  void rejectsBadArguments() {
    assertThatThrownBy(() -> DataGenSource.sequence(5, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataGenSource.sequence(Long.MIN_VALUE, Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataGenSource.of(-1, i -> i)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DataGenSource.sequence(0, 9).withRate(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
