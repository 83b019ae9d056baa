package io.eddy.cli;

import io.eddy.api.config.Configuration;
import java.io.OutputStream;
import java.io.PrintStream;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error (done/total and events/s) while a long run goes on, shown
 * only when standard error is a terminal: the {@code eddy} launcher says so with
 * {@code -Deddy.terminal=true} (Java 21 cannot tell a terminal from a pipe by itself). Elsewhere
 * it prints nothing, so logs and pipes stay clean. Fed from one thread at a time, or from the
 * records the sources of jobs emit ({@link #followSources}). While the bar shows, lines written
 * to {@code System.err} (the runtime's notes) clear the bar's line first, as {@link #above} does.
 */
public final class EventProgress implements LongConsumer, AutoCloseable {
  private static final long SAMPLE_MILLIS = 250;

  private final ProgressBar bar;
  private final PrintStream err = System.err;
  private SourceRecordsReporter.Tally tally;
  private ScheduledExecutorService sampler;

  /** @param total the expected count, or -1 when unknown (an indefinite bar) */
  public EventProgress(String task, String unit, long total) {
    this.bar = Boolean.getBoolean("eddy.terminal")
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
            .showSpeed(new DecimalFormat("#,##0")).setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(err)).build()
        : null;
    if (bar != null) {
      System.setErr(above(err));
    }
  }

  /**
   * Makes the bar follow the records emitted by the sources of every job that starts with the
   * returned configuration ({@code conf} with a metric reporter added), summed over those jobs
   * and their restarts. Without a bar, {@code conf} itself. Call once.
   */
  public Configuration followSources(Configuration conf) {
    if (bar == null) {
      return conf;
    }
    tally = SourceRecordsReporter.newTally();
    Configuration followed = conf.copy();
    tally.configuration().forEach(followed::set);
    SourceRecordsReporter.Tally counted = tally;
    sampler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "eddy progress");
      t.setDaemon(true);
      return t;
    });
    sampler.scheduleAtFixedRate(() -> bar.stepTo(counted.records()), SAMPLE_MILLIS, SAMPLE_MILLIS,
        TimeUnit.MILLISECONDS);
    return followed;
  }

  /** Sets the expected count, -1 when unknown. */
  public void expect(long total) {
    if (bar != null) {
      bar.maxHint(total);
    }
  }

  /** Sets how many are done so far. */
  @Override
  public void accept(long done) {
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  /**
   * {@code out} for lines printed while the bar shows: each line first clears the bar's line on
   * standard error (the bar draws itself again below it). Without a bar, {@code out} itself.
   */
  public PrintStream above(PrintStream out) {
    if (bar == null) {
      return out;
    }
    return new PrintStream(new OutputStream() {
      private boolean lineStart = true;

      @Override
      public void write(int b) {
        if (lineStart) {
          err.print("\r\u001b[K");
          err.flush();
        }
        out.write(b);
        lineStart = b == '\n';
        if (lineStart) {
          out.flush();
        }
      }

      @Override
      public void flush() {
        out.flush();
      }
    }, true);
  }

  @Override
  public void close() {
    if (sampler != null) {
      sampler.shutdownNow();
      bar.stepTo(tally.records());
      tally.close();
    }
    if (bar != null) {
      bar.close();
      System.setErr(err);
    }
  }
}
