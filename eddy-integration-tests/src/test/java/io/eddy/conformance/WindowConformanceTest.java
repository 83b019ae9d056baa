package io.eddy.conformance;

import static io.eddy.conformance.WindowJobs.e;
import static org.assertj.core.api.Assertions.assertThat;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.tuple.Tuple3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Window jobs as a Flink user writes them ({@link WindowJobs}), whose results must be Flink's.
 * Each expected output is what Apache Flink 2.3 printed for the twin job in benchmarks/flink-windows
 * ({@code benchmarks/flink-windows/run.sh}), and is derived by hand in the comments from Flink's
 * documented semantics. Outputs are compared sorted: windows run at parallelism 2.
 */
@Timeout(120)
class WindowConformanceTest {
  /** (key, value, timestamp), out of order; watermarks trail the highest timestamp by 3. */
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

  private static List<String> run(Function<StreamEnvironment, DataStream<String>> job) {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    List<String> out = new ArrayList<>(job.apply(env).executeAndCollect(1000));
    out.sort(null);
    return out;
  }

  private static List<String> sorted(String... lines) {
    List<String> list = new ArrayList<>(List.of(lines));
    list.sort(null);
    return list;
  }

  /** Flink 2.3's sorted output of the twin job, as benchmarks/flink-windows/expected.txt recorded it. */
  private static List<String> flink(String job) throws IOException {
    Path expected = Path.of("..", "benchmarks", "flink-windows", "expected.txt");
    List<String> lines = new ArrayList<>();
    for (String line : Files.readAllLines(expected)) {
      if (line.startsWith(job + ": ")) {
        lines.add(line.substring(job.length() + 2));
      }
    }
    lines.sort(null);
    return lines;
  }

  /** Eddy's output must be the hand-derived one, which must be what Flink printed. */
  private static void assertConforms(String job, List<String> eddy, List<String> expected) throws IOException {
    assertThat(expected).as("hand-derived expectation of %s vs Flink 2.3", job).isEqualTo(flink(job));
    assertThat(eddy).as("Eddy's %s", job).isEqualTo(expected);
  }

  @Test
  void allowedLatenessRefiresWindowsAndLateRecordsGoToTheSideOutput() throws IOException {
    // wm 9 (a4@12) fires [0,10); a5@8 and a7@3 are late but within 5 ms: each re-fires [0,10) at
    // once with everything so far. wm 17 (a8@20) passes the cleanup time 9+5, so a9@6 is too late:
    // side output. b11@19 re-fires [10,20), still open until 24 at wm 23.
    assertConforms("lateness", run(env -> WindowJobs.lateness(env, LATE_INPUT)), sorted(
        "a@0:1,2", "b@0:3", "a@0:1,2,5", "a@0:1,2,5,7", "late a:9@6",
        "a@10:4", "b@10:6", "b@10:6,11", "a@20:8", "b@20:10", "a@40:12"));
  }

  @Test
  void countWindowsTumbleAndSlidePerKey() throws IOException {
    // countWindow(3): fire and purge every 3rd record of a key (a: 1+3+4, b: 2+5+7); the rest
    // never fires (GlobalWindows). countWindow(3, 2): every 2nd record, over the last 3.
    assertConforms("countWindows", run(env -> WindowJobs.countWindows(env, COUNT_INPUT)), sorted(
        "tumbling a:8", "tumbling b:14",
        "sliding a:1,3", "sliding a:3,4,6", "sliding b:2,5", "sliding b:5,7,9"));
  }

  @Test
  void evictorsRemoveElementsBeforeOrAfterEvaluationForGood() throws IOException {
    // [0,100) holds 1@10 2@25 3@30 4@28 when wm 147 fires it; 5@40 is late (dropped without
    // lateness). CountEvictor(2): 3,4. TimeEvictor(15): newest 30, keeps > 15: 2,3,4 (also
    // under reduce: 9). CountEvictor(2, after) with 50 ms lateness: sees 1,2,3,4 and keeps 3,4;
    // late 5@40 re-fires with 3,4,5.
    assertConforms("evictors", run(env -> WindowJobs.evictors(env, EVICTOR_INPUT)), sorted(
        "count a@0:3,4", "count a@100:6", "count a@300:10",
        "time a@0:2,3,4", "time a@100:6", "time a@300:10",
        "after a@0:1,2,3,4", "after a@0:3,4,5", "after a@100:6", "after a@300:10",
        "reduce a:9", "reduce a:6", "reduce a:10"));
  }

  @Test
  void continuousEventTimeTriggerFiresEveryIntervalUntilTheWindowEnds() throws IOException {
    // First fire time: end of the 30 ms interval of the first element (30); then 60, 90, and 99
    // (capped at the window end). The ticks at 36 and 70 move the watermark to 33 and 67 without
    // entering the window. a@130 (wm 127) fires 90 and 99; its window [100,200) starts at
    // 120+30 = 150, then 180 and 199 at the final watermark.
    long max = Long.MAX_VALUE;
    assertConforms("continuousEventTime", run(env -> WindowJobs.continuousEventTime(env, CONTINUOUS_INPUT)), sorted(
        "a@0:2@33", "a@0:3@67", "a@0:3@127", "a@0:3@127",
        "a@100:1@" + max, "a@100:1@" + max, "a@100:1@" + max));
  }

  @Test
  void windowAllEvaluatesTheWholeStreamInOneWindow() throws IOException {
    // The lateness input without allowed lateness: 5@8, 7@3, 9@6 and 11@19 are dropped.
    assertConforms("windowAll", run(env -> WindowJobs.windowAll(env, LATE_INPUT)), sorted(
        "all@0:6", "all@10:10", "all@20:18", "all@40:12",
        "count:1,2,3", "count:4,5,6", "count:7,8,9", "count:10,11,12"));
  }

  @Test
  void windowJoinIsAnInnerJoinPerWindowAndCoGroupKeepsEmptySides() throws IOException {
    assertConforms("joinAndCoGroup", run(env -> WindowJobs.joinAndCoGroup(env, JOIN_LEFT, JOIN_RIGHT)), sorted(
        "join a:1-10", "join a:1-20", "join c:4-40", "join a:5-60",
        "coGroup [a1 ] [a10 a20 ]", "coGroup [b2 ] []",
        "coGroup [a3 ] []", "coGroup [] [b30 ]", "coGroup [c4 ] [c40 ]",
        "coGroup [a5 ] [a60 ]", "coGroup [] [d50 ]"));
  }
}
