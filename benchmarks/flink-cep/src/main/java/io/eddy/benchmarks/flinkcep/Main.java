package io.eddy.benchmarks.flinkcep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.cep.pattern.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs each CEP conformance job on a local Flink 2.3 at parallelism 2 and prints, per job, a
 * "job: count=N" line and its N sorted results as "job: result" lines: the expected outputs
 * of Eddy's FlinkCepConformanceTest.
 */
public final class Main {
  public static void main(String[] args) throws Exception {
    for (Map.Entry<String, Pattern<Tuple3<String, Integer, Long>, ?>> job : FlinkCepJobs.patterns().entrySet()) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
      List<String> out = new ArrayList<>(FlinkCepJobs.job(env, job.getValue()).executeAndCollect(10_000));
      out.add("count=" + out.size());
      out.sort(null);
      for (String line : out) {
        System.out.println(job.getKey() + ": " + line);
      }
    }
  }
}
