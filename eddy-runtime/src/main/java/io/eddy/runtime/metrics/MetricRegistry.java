package io.eddy.runtime.metrics;

import io.eddy.api.config.ConfigOption;
import io.eddy.api.config.Configuration;
import io.eddy.api.config.MetricOptions;
import io.eddy.api.metrics.Metric;
import io.eddy.api.metrics.View;
import io.eddy.api.metrics.reporter.MetricConfig;
import io.eddy.api.metrics.reporter.MetricReporter;
import io.eddy.api.metrics.reporter.MetricReporterFactory;
import io.eddy.api.metrics.reporter.Scheduled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The metrics of one job: its scope formats, the reporters configured with
 * {@code metrics.reporter.<name>.*} (told of every metric registered and removed; scheduled ones
 * polled every {@code interval}), and the {@link View}s (meters) it updates every five seconds.
 * One daemon thread does the scheduled work. Thread-safe.
 */
public final class MetricRegistry implements AutoCloseable {
  /** Everything runs in this process: the host and task manager every scope names. */
  static final String HOST = "localhost";
  static final String TM_ID = "local";

  private final ScopeFormat jobScope;
  private final ScopeFormat taskScope;
  private final ScopeFormat operatorScope;
  private final List<MetricReporter> reporters = new ArrayList<>();
  private final Set<View> views = ConcurrentHashMap.newKeySet();
  private final ScheduledExecutorService scheduler;
  private volatile boolean closed;

  private MetricRegistry(Configuration configuration, String jobName, boolean scheduled) {
    this.jobScope = new ScopeFormat(configuration.get(MetricOptions.SCOPE_NAMING_JM_JOB));
    this.taskScope = new ScopeFormat(configuration.get(MetricOptions.SCOPE_NAMING_TASK));
    this.operatorScope = new ScopeFormat(configuration.get(MetricOptions.SCOPE_NAMING_OPERATOR));
    this.scheduler = !scheduled ? null : Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "Eddy metrics (" + jobName + ")");
      t.setDaemon(true);
      return t;
    });
    if (scheduler != null) {
      scheduler.scheduleAtFixedRate(this::updateViews, View.UPDATE_INTERVAL_SECONDS, View.UPDATE_INTERVAL_SECONDS,
          TimeUnit.SECONDS);
    }
  }

  /**
   * A registry with the default scopes, no reporters and no thread: metrics count, meters'
   * rates stay 0 (the operator test harness).
   */
  public static MetricRegistry unscheduled() {
    return new MetricRegistry(new Configuration(), "", false);
  }

  /**
   * A registry with the reporters {@code configuration} names, opened.
   *
   * @throws IllegalArgumentException if a reporter's class cannot be loaded or built
   */
  public static MetricRegistry fromConfiguration(Configuration configuration, String jobName) {
    MetricRegistry registry = new MetricRegistry(configuration, jobName, true);
    try {
      for (String name : reporterNames(configuration)) {
        registry.startReporter(name, configuration);
      }
    } catch (RuntimeException e) {
      registry.close();
      throw e;
    }
    return registry;
  }

  /** Names with a factory.class or class key, kept to those in metrics.reporters if that is set. */
  static List<String> reporterNames(Configuration configuration) {
    Set<String> configured = new LinkedHashSet<>();
    String prefix = "metrics.reporter.";
    for (String key : configuration.toMap().keySet()) {
      for (String suffix : List.of(".factory.class", ".class")) {
        if (key.startsWith(prefix) && key.endsWith(suffix) && key.length() > prefix.length() + suffix.length()) {
          configured.add(key.substring(prefix.length(), key.length() - suffix.length()));
          break;
        }
      }
    }
    String list = configuration.get(MetricOptions.REPORTERS_LIST).trim();
    if (list.isEmpty()) {
      return List.copyOf(configured);
    }
    List<String> wanted = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String name : wanted) {
      if (!configured.contains(name)) {
        throw new IllegalArgumentException("metrics.reporters names '" + name + "', but neither metrics.reporter."
            + name + ".factory.class nor metrics.reporter." + name + ".class is set");
      }
    }
    return wanted;
  }

  private void startReporter(String name, Configuration configuration) {
    String factoryClass = configuration.get(MetricOptions.forReporter(MetricOptions.REPORTER_FACTORY_CLASS, name));
    String reporterClass = configuration.get(MetricOptions.forReporter(MetricOptions.REPORTER_CLASS, name));
    MetricConfig config = new MetricConfig();
    String prefix = "metrics.reporter." + name + ".";
    configuration.toMap().forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        config.setProperty(key.substring(prefix.length()), value);
      }
    });
    MetricReporter reporter = factoryClass.isEmpty()
        ? instantiate(reporterClass, MetricReporter.class, name)
        : instantiate(factoryClass, MetricReporterFactory.class, name).createMetricReporter(config);
    reporter.open(config);
    synchronized (reporters) {
      reporters.add(reporter);
    }
    if (reporter instanceof Scheduled scheduled) {
      ConfigOption<Duration> intervalOption = MetricOptions.forReporter(MetricOptions.REPORTER_INTERVAL, name);
      long millis = Math.max(1, configuration.get(intervalOption).toMillis());
      scheduler.scheduleAtFixedRate(() -> report(scheduled), millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  private static <T> T instantiate(String className, Class<T> type, String reporter) {
    try {
      Class<?> c = Class.forName(className.trim(), true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : MetricRegistry.class.getClassLoader());
      return type.cast(c.getConstructor().newInstance());
    } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
      throw new IllegalArgumentException("Cannot create metric reporter '" + reporter + "' from class " + className
          + " (a " + type.getSimpleName() + " with a public no-argument constructor): " + e, e);
    }
  }

  public JobMetricGroup jobGroup(String jobId, String jobName) {
    Map<String, String> variables = new LinkedHashMap<>();
    variables.put("<host>", HOST);
    variables.put("<job_id>", jobId);
    variables.put("<job_name>", jobName);
    return new JobMetricGroup(this, jobScope.format(variables), variables);
  }

  ScopeFormat taskScope() {
    return taskScope;
  }

  ScopeFormat operatorScope() {
    return operatorScope;
  }

  void register(Metric metric, String name, AbstractMetricGroup group) {
    if (closed) {
      return;
    }
    if (metric instanceof View view) {
      views.add(view);
    }
    for (MetricReporter reporter : reporters()) {
      try {
        reporter.notifyOfAddedMetric(metric, name, group);
      } catch (RuntimeException e) {
        warn("Reporter " + reporter.getClass().getName() + " failed to add metric " + group.getMetricIdentifier(name)
            + ": " + e);
      }
    }
  }

  void unregister(Metric metric, String name, AbstractMetricGroup group) {
    if (metric instanceof View view) {
      views.remove(view);
    }
    if (closed) {
      return;
    }
    for (MetricReporter reporter : reporters()) {
      try {
        reporter.notifyOfRemovedMetric(metric, name, group);
      } catch (RuntimeException e) {
        warn("Reporter " + reporter.getClass().getName() + " failed to remove metric "
            + group.getMetricIdentifier(name) + ": " + e);
      }
    }
  }

  private List<MetricReporter> reporters() {
    synchronized (reporters) {
      return List.copyOf(reporters);
    }
  }

  /** Has every scheduled reporter report now (when an attempt ends, before its metrics go away). */
  public void reportNow() {
    for (MetricReporter reporter : reporters()) {
      if (reporter instanceof Scheduled scheduled) {
        report(scheduled);
      }
    }
  }

  private static void report(Scheduled reporter) {
    try {
      synchronized (reporter) {
        reporter.report();
      }
    } catch (RuntimeException e) {
      warn("Reporter " + reporter.getClass().getName() + " failed to report: " + e);
    }
  }

  private void updateViews() {
    for (View view : views) {
      try {
        view.update();
      } catch (RuntimeException e) {
        warn("Metric view " + view.getClass().getName() + " failed to update: " + e);
      }
    }
  }

  static void warn(String message) {
    System.err.println("eddy: metrics: " + message);
  }

  /** Stops the scheduled work and closes the reporters. */
  @Override
  public void close() {
    closed = true;
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
    for (MetricReporter reporter : reporters()) {
      try {
        reporter.close();
      } catch (RuntimeException e) {
        warn("Reporter " + reporter.getClass().getName() + " failed to close: " + e);
      }
    }
  }
}
