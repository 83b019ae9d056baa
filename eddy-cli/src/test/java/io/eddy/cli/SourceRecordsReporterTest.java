package io.eddy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.config.Configuration;
import io.eddy.api.connector.DiscardingSink;
import io.eddy.api.datastream.ContextConfiguration;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.connectors.datagen.DataGenSource;
import org.junit.jupiter.api.Test;

/** The progress tally counts what the sources emitted, summed over the jobs started with its configuration. */
class SourceRecordsReporterTest {
  @Test
  void countsTheSourceRecordsOfEveryJobNotTheOperatorsBehindThem() throws Exception {
    try (SourceRecordsReporter.Tally tally = SourceRecordsReporter.newTally()) {
      Configuration conf = new Configuration();
      tally.configuration().forEach(conf::set);
      ContextConfiguration.runWith(conf, () -> {
        runJob(10_000, 2);
        runJob(3_000, 1);
        return null;
      });
      assertThat(tally.records()).isEqualTo(13_000);
    }
  }

  private static void runJob(long records, int parallelism) throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(parallelism);
    env.fromSource(DataGenSource.sequence(0, records - 1), WatermarkStrategy.noWatermarks(), "numbers")
        .map(x -> x * 2)
        .keyBy(x -> x % 7)
        .map(x -> x + 1)
        .sinkTo(new DiscardingSink<>());
    env.execute("progress");
  }
}
