package io.eddy.cep;

import static io.eddy.cep.Matches.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.datastream.OutputTag;
import io.eddy.cep.pattern.Pattern;
import io.eddy.cep.pattern.conditions.SimpleCondition;
import io.eddy.runtime.operators.Output;
import io.eddy.runtime.testing.OneInputHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Event time (buffering until the watermark, late events, the comparator for equal
 * timestamps, output timestamps) and processing time (matching on arrival, timeouts by the
 * clock, outputs without timestamps).
 */
class TimeHandlingTest {
  private static final OutputTag<String> LATE = new OutputTag<>("late");

  private static Pattern<String, ?> aThenB() {
    return Pattern.<String>begin("a").where(SimpleCondition.of(e -> is(e, "a")))
        .next("b").where(SimpleCondition.of(e -> is(e, "b")));
  }

  @Test
  void eventsWaitForTheWatermarkAndAreMatchedInTimestampOrder() throws Exception {
    var h = Matches.harness(aThenB());
    h.processElement("b1", 6);
    h.processElement("a1", 5);
    assertThat(h.output()).isEmpty();
    h.processWatermark(5);
    assertThat(h.output()).isEmpty();
    h.processWatermark(6);
    assertThat(h.output()).containsExactly("a1 b1");
    assertThat(h.outputTimestamps()).containsExactly(6L);
  }

  @Test
  void lateEventsGoToTheSideOutputOrAreCounted() throws Exception {
    var withTag = OneInputHarness.<String, String>of(s -> CEP.pattern(s.keyBy(e -> "k"), aThenB())
        .sideOutputLateData(LATE).process(new Matches.Describe())).open();
    withTag.processWatermark(10);
    withTag.processElement("a1", 10);
    withTag.processElement("b1", 11);
    withTag.endInput();
    assertThat(withTag.sideOutput(LATE)).containsExactly("a1");
    assertThat(withTag.output()).isEmpty();

    var counted = Matches.harness(aThenB());
    counted.processWatermark(10);
    counted.processElement("a1", 3);
    assertThat(counted.counter("CepOperator.numLateRecordsDropped")).isEqualTo(1);
  }

  @Test
  void theComparatorOrdersEventsWithEqualTimestamps() throws Exception {
    EventComparator<String> byName = String::compareTo;
    var h = OneInputHarness.<String, String>of(s -> CEP.pattern(s.keyBy(e -> "k"), aThenB(), byName)
        .process(new Matches.Describe())).open();
    h.processElement("b1", 5);
    h.processElement("a1", 5);
    h.endInput();
    assertThat(h.output()).containsExactly("a1 b1");
    var arrival = Matches.harness(aThenB());
    arrival.processElement("b1", 5);
    arrival.processElement("a1", 5);
    arrival.endInput();
    assertThat(arrival.output()).isEmpty();
  }

  @Test
  void processingTimeMatchesOnArrivalAndTimesOutByTheClock() throws Exception {
    Pattern<String, ?> p = Pattern.<String>begin("a").where(SimpleCondition.of(e -> is(e, "a")))
        .followedBy("b").where(SimpleCondition.of(e -> is(e, "b"))).within(Duration.ofMillis(5));
    var h = OneInputHarness.<String, String>of(s -> CEP.pattern(s.keyBy(e -> "k"), p).inProcessingTime()
        .process(new Matches.Describe())).open();
    h.setProcessingTime(10);
    h.processElement("a1");
    h.setProcessingTime(12);
    h.processElement("b1");
    assertThat(h.output()).containsExactly("a1 b1");
    assertThat(h.outputTimestamps()).containsExactly(Output.NO_TIMESTAMP);
    h.setProcessingTime(20);
    h.processElement("a2");
    h.setProcessingTime(26);
    assertThat(h.sideOutput(Matches.TIMEOUTS)).containsExactly("a2@25");
  }

  @Test
  void eventTimeWithoutTimestampsIsAClearError() throws Exception {
    var h = Matches.harness(aThenB());
    assertThatThrownBy(() -> h.processElement("a1")).hasMessageContaining("inProcessingTime");
  }
}
