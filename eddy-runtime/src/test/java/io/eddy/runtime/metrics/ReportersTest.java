package io.eddy.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eddy.api.config.Configuration;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.functions.OpenContext;
import io.eddy.api.functions.RichMapFunction;
import io.eddy.api.metrics.Counter;
import io.eddy.api.metrics.DescriptiveStatisticsHistogram;
import io.eddy.api.metrics.MetricGroup;
import io.eddy.api.time.WatermarkStrategy;
import io.eddy.runtime.ExactlyOnceSink;
import io.eddy.runtime.TestEventSource;
import io.eddy.runtime.TestEventSource.Event;
import io.eddy.runtime.metrics.reporter.JmxReporter;
import io.eddy.runtime.metrics.reporter.JmxReporterFactory;
import io.eddy.runtime.metrics.reporter.LoggingReporter;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shipped reporters (JMX, logging), scopes and variables, and how reporters are configured. */
@Timeout(60)
class ReportersTest {
  private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
  /** What each subtask's function read over JMX, in close(), of its own counter. */
  private static final Map<Integer, Long> SEEN_OVER_JMX = new ConcurrentHashMap<>();

  private static MetricGroup operatorGroup(String job, String operator, int subtask) {
    return MetricRegistry.unscheduled().jobGroup("00ff", job).addTask("src -> " + operator, subtask, 0)
        .addOperator("uid-1", operator, InternalOperatorMetricGroup.Inputs.ONE);
  }

  @Test
  void scopesAndVariablesFollowFlinksDefaultFormats() {
    MetricGroup group = operatorGroup("my job", "Map", 1);
    assertThat(group.getMetricIdentifier("numRecordsIn"))
        .isEqualTo("localhost.taskmanager.local.my job.Map.1.numRecordsIn");
    MetricGroup nested = group.addGroup("cache").addGroup("region", "eu");
    assertThat(nested.getMetricIdentifier("hits")).isEqualTo("localhost.taskmanager.local.my job.Map.1.cache.region.eu.hits");
    assertThat(nested.getAllVariables()).containsEntry("<region>", "eu").containsEntry("<job_id>", "00ff")
        .containsEntry("<task_name>", "src -> Map").containsEntry("<operator_id>", "uid-1");
    assertThat(group.addGroup("cache")).isSameAs(group.addGroup("cache"));
    Counter first = group.counter("twice");
    assertThat(group.counter("twice")).isNotSameAs(first);
  }

  @Test
  void scopeFormatsAreConfigurable() {
    Configuration conf = new Configuration().set("metrics.scope.operator", "<job_name>.op.<operator_name>.<subtask_index>");
    try (MetricRegistry registry = MetricRegistry.fromConfiguration(conf, "j")) {
      MetricGroup group = registry.jobGroup("id", "j").addTask("t", 3, 0)
          .addOperator("id", "Filter", InternalOperatorMetricGroup.Inputs.ONE);
      assertThat(group.getMetricIdentifier("x")).isEqualTo("j.op.Filter.3.x");
    }
  }

  @Test
  void theJmxReporterNamesBeansByLogicalScopeAndVariables() throws Exception {
    JmxReporter reporter = new JmxReporter();
    MetricGroup group = operatorGroup("jmx job", "Map", 0);
    Counter counter = new io.eddy.api.metrics.SimpleCounter();
    counter.inc(42);
    DescriptiveStatisticsHistogram histogram = new DescriptiveStatisticsHistogram(10);
    for (long v = 1; v <= 4; v++) {
      histogram.update(v * 10);
    }
    reporter.notifyOfAddedMetric(counter, "seen", group);
    reporter.notifyOfAddedMetric(histogram, "sizes", group);
    ObjectName name = new ObjectName("io.eddy.taskmanager.job.task.operator.seen:job_name=\"jmx job\",*");
    Set<ObjectName> found = SERVER.queryNames(name, null);
    assertThat(found).hasSize(1);
    ObjectName bean = found.iterator().next();
    assertThat(bean.getKeyProperty("operator_name")).isEqualTo("\"Map\"");
    assertThat(bean.getKeyProperty("subtask_index")).isEqualTo("\"0\"");
    assertThat(SERVER.getAttribute(bean, "Count")).isEqualTo(42L);
    ObjectName sizes = SERVER.queryNames(new ObjectName("io.eddy.taskmanager.job.task.operator.sizes:*"), null)
        .iterator().next();
    assertThat(SERVER.getAttribute(sizes, "Median")).isEqualTo(25.0);
    assertThat(SERVER.getAttribute(sizes, "Max")).isEqualTo(40L);
    reporter.notifyOfRemovedMetric(counter, "seen", group);
    assertThat(SERVER.queryNames(name, null)).isEmpty();
    reporter.close();
    assertThat(SERVER.queryNames(new ObjectName("io.eddy.taskmanager.job.task.operator.sizes:*"), null)).isEmpty();
  }

  @Test
  void theLoggingReporterListsEveryMetricByKind() {
    LoggingReporter reporter = new LoggingReporter();
    MetricGroup group = operatorGroup("log job", "Map", 0);
    Counter counter = group.counter("seen");
    counter.inc(7);
    reporter.notifyOfAddedMetric(counter, "seen", group);
    reporter.notifyOfAddedMetric((io.eddy.api.metrics.Gauge<String>) () -> "ok", "state", group);
    String report = reporter.render();
    assertThat(report).contains("localhost.taskmanager.local.log job.Map.0.seen: 7")
        .contains("localhost.taskmanager.local.log job.Map.0.state: ok")
        .containsSubsequence("Counters", "seen: 7", "Gauges", "state: ok", "Meters", "Histograms");
  }

  @Test
  void reportersAreChosenByNameAndBadClassesAreNamed() {
    Configuration conf = new Configuration()
        .set("metrics.reporter.a.factory.class", JmxReporterFactory.class.getName())
        .set("metrics.reporter.b.class", LoggingReporter.class.getName());
    assertThat(MetricRegistry.reporterNames(conf)).containsExactlyInAnyOrder("a", "b");
    assertThat(MetricRegistry.reporterNames(conf.copy().set("metrics.reporters", "b"))).containsExactly("b");
    assertThatThrownBy(() -> MetricRegistry.reporterNames(conf.copy().set("metrics.reporters", "c")))
        .hasMessageContaining("metrics.reporter.c.factory.class");
    Configuration bad = new Configuration().set("metrics.reporter.x.factory.class", "no.such.Factory");
    assertThatThrownBy(() -> MetricRegistry.fromConfiguration(bad, "j"))
        .hasMessageContaining("metric reporter 'x'").hasMessageContaining("no.such.Factory");
  }

  /** Counts records and reads its own counter back over JMX before the job ends. */
  static final class Seen extends RichMapFunction<Event, Long> {
    private transient Counter seen;

    @Override
    public void open(OpenContext context) {
      seen = getRuntimeContext().getMetricGroup().counter("seenByJmxJob");
    }

    @Override
    public Long map(Event e) {
      seen.inc();
      return e.value();
    }

    @Override
    public void close() throws Exception {
      int subtask = getRuntimeContext().getIndexOfThisSubtask();
      ObjectName name = new ObjectName("io.eddy.taskmanager.job.task.operator.seenByJmxJob:job_name=\"jmx reporter job\","
          + "subtask_index=\"" + subtask + "\",*");
      for (ObjectName bean : SERVER.queryNames(name, null)) {
        SEEN_OVER_JMX.put(subtask, (Long) SERVER.getAttribute(bean, "Count"));
      }
    }
  }

  @Test
  void aJobsMetricsAreBeansWhileItRunsAndGoneAfterwards() throws Exception {
    StreamEnvironment env = StreamEnvironment.create().setParallelism(2);
    env.getConfiguration().set("metrics.reporter.jmx.factory.class", JmxReporterFactory.class.getName());
    env.fromSource(new TestEventSource(1_000, 4), WatermarkStrategy.noWatermarks(), "events")
        .map(new Seen()).name("seen")
        .sinkTo(new ExactlyOnceSink<>());
    var result = env.execute("jmx reporter job");
    assertThat(SEEN_OVER_JMX.get(0) + SEEN_OVER_JMX.get(1)).isEqualTo(1_000L);
    assertThat(result.counter("seen.seenByJmxJob")).isEqualTo(1_000L);
    assertThat(SERVER.queryNames(new ObjectName("io.eddy.*:job_name=\"jmx reporter job\",*"), null)).isEmpty();
  }
}
