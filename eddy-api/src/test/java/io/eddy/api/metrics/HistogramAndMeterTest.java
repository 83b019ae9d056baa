package io.eddy.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sliding-window histogram against a model (the last n values in a queue; statistics
 * computed the plain way), known quantiles of small samples, and the meter's rate over its span.
 */
class HistogramAndMeterTest {
  @Test
  void quantilesOfAKnownSampleFollowCommonsMathsDefaultEstimation() {
    SampleStatistics s = new SampleStatistics(new long[] {40, 10, 30, 20});
    // positions q * (n + 1) = q * 5 in the sorted sample 10, 20, 30, 40
    assertThat(s.getQuantile(0.5)).isEqualTo(25.0);
    assertThat(s.getQuantile(0.25)).isEqualTo(12.5);
    assertThat(s.getQuantile(0.1)).isEqualTo(10.0);
    assertThat(s.getQuantile(0.9)).isEqualTo(40.0);
    assertThat(s.getQuantile(1.0)).isEqualTo(40.0);
    assertThat(s.getMean()).isEqualTo(25.0);
    assertThat(s.getStdDev()).isCloseTo(Math.sqrt(500.0 / 3), within(1e-9));
    assertThat(s.getMin()).isEqualTo(10);
    assertThat(s.getMax()).isEqualTo(40);
    assertThat(new SampleStatistics(new long[] {7}).getStdDev()).isZero();
    assertThat(new SampleStatistics(new long[0]).getQuantile(0.5)).isNaN();
  }

  @Test
  void theHistogramDescribesItsLastWindowOfValuesLikeAModel() {
    Random random = new Random(7);
    int window = 50;
    DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(window);
    Deque<Long> model = new ArrayDeque<>();
    for (int i = 1; i <= 1_000; i++) {
      long v = random.nextInt(10_000) - 2_000;
      histogram.update(v);
      model.addLast(v);
      if (model.size() > window) {
        model.removeFirst();
      }
      if (i % 37 == 0 || i < 5) {
        HistogramStatistics stats = histogram.getStatistics();
        long[] sorted = model.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(histogram.getCount()).isEqualTo(i);
        assertThat(stats.size()).isEqualTo(sorted.length);
        assertThat(stats.getValues()).containsExactly(sorted);
        assertThat(stats.getMin()).isEqualTo(sorted[0]);
        assertThat(stats.getMax()).isEqualTo(sorted[sorted.length - 1]);
        assertThat(stats.getMean()).isCloseTo(Arrays.stream(sorted).average().orElseThrow(), within(1e-9));
        // the median of an odd/even sample: the middle value, or the mean of the two middle ones
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
            : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2.0;
        assertThat(stats.getQuantile(0.5)).isCloseTo(median, within(1e-9));
      }
    }
  }

  @Test
  void aMeterViewsRateIsTheGrowthOverItsSpan() {
    SimpleCounter counter = new SimpleCounter();
    MeterView meter = new MeterView(counter, 10);
    assertThat(meter.getRate()).isZero();
    counter.inc(50);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(5.0);
    counter.inc(100);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(15.0);
    meter.update();
    assertThat(meter.getRate()).isEqualTo(10.0);
    meter.markEvent(3);
    assertThat(meter.getCount()).isEqualTo(153);
    assertThat(new MeterView(counter, 7).getRate()).isZero();
  }
}
