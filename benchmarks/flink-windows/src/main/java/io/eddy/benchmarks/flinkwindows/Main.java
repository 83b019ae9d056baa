package io.eddy.benchmarks.flinkwindows;

import static io.eddy.benchmarks.flinkwindows.FlinkWindowJobs.e;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs each window conformance job on a local Flink 2.3 at parallelism 2 and prints its sorted
 * results, one "job: result" line each: the expected outputs of Eddy's WindowConformanceTest.
 * The inputs are those of that test.
 */
public final class Main {
  static final List<Tuple3<String, Integer, Long>> LATE_INPUT = List.of(
      e("a", 1, 1), e("a", 2, 4), e("b", 3, 7), e("a", 4, 12), e("a", 5, 8), e("b", 6, 15),
      e("a", 7, 3), e("a", 8, 20), e("a", 9, 6), e("b", 10, 26), e("b", 11, 19), e("a", 12, 40));
  static final List<Tuple3<String, Integer, Long>> COUNT_INPUT = List.of(
      e("a", 1, 0), e("b", 2, 0), e("a", 3, 0), e("a", 4, 0), e("b", 5, 0), e("a", 6, 0), e("b", 7, 0),
      e("a", 8, 0), e("b", 9, 0), e("b", 10, 0));
  static final List<Tuple3<String, Integer, Long>> EVICTOR_INPUT = List.of(
      e("a", 1, 10), e("a", 2, 25), e("a", 3, 30), e("a", 4, 28), e("a", 6, 150), e("a", 5, 40), e("a", 10, 300));
  static final List<Tuple3<String, Integer, Long>> CONTINUOUS_INPUT = List.of(
      e("a", 1, 5), e("a", 1, 20), e("tick", 0, 36), e("a", 1, 50), e("tick", 0, 70), e("a", 1, 130));
  static final List<Tuple3<String, Integer, Long>> JOIN_LEFT = List.of(
      e("a", 1, 1), e("b", 2, 3), e("a", 3, 12), e("c", 4, 14), e("a", 5, 25));
  static final List<Tuple3<String, Integer, Long>> JOIN_RIGHT = List.of(
      e("a", 10, 2), e("a", 20, 8), e("b", 30, 15), e("c", 40, 11), e("d", 50, 27), e("a", 60, 22));

  public static void main(String[] args) throws Exception {
    print("lateness", env -> FlinkWindowJobs.lateness(env, LATE_INPUT));
    print("countWindows", env -> FlinkWindowJobs.countWindows(env, COUNT_INPUT));
    print("evictors", env -> FlinkWindowJobs.evictors(env, EVICTOR_INPUT));
    print("continuousEventTime", env -> FlinkWindowJobs.continuousEventTime(env, CONTINUOUS_INPUT));
    print("windowAll", env -> FlinkWindowJobs.windowAll(env, LATE_INPUT));
    print("joinAndCoGroup", env -> FlinkWindowJobs.joinAndCoGroup(env, JOIN_LEFT, JOIN_RIGHT));
  }

  private static void print(String job, Function<StreamExecutionEnvironment, DataStream<String>> build)
      throws Exception {
    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
    List<String> out = new ArrayList<>(build.apply(env).executeAndCollect(1000));
    out.sort(null);
    for (String line : out) {
      System.out.println(job + ": " + line);
    }
  }
}
