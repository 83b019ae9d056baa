package io.eddy.cep.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.StreamExecutionEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each CEP job of {@link CepJobs} gives, at parallelism 2, exactly the sorted output (and the
 * number of results) Apache Flink 2.3's CEP library gives for its twin in benchmarks/flink-cep,
 * as recorded in benchmarks/flink-cep/expected.txt by {@code benchmarks/flink-cep/run.sh --update}.
 */
@Timeout(120)
class FlinkCepConformanceTest {
  private static final Map<String, List<String>> FLINK = new TreeMap<>();

  @BeforeAll
  static void readFlinkOutput() throws Exception {
    for (String line : Files.readAllLines(Path.of("..", "benchmarks", "flink-cep", "expected.txt"))) {
      int colon = line.indexOf(": ");
      FLINK.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
    }
  }

  static List<String> jobs() {
    return new ArrayList<>(CepJobs.patterns().keySet());
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void sameOutputAsFlink(String job) throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    List<String> out = new ArrayList<>();
    CepJobs.job(env, CepJobs.patterns().get(job)).executeAndCollect().forEachRemaining(out::add);
    out.add("count=" + out.size());
    out.sort(null);
    assertThat(FLINK).as("Flink's output has the job %s", job).containsKey(job);
    assertThat(out).isEqualTo(FLINK.get(job));
  }
}
