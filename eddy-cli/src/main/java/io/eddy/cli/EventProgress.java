package io.eddy.cli;

import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on standard error (done/total and events/s) while a long run goes on, shown
 * only when standard error is a terminal: the {@code eddy} launcher says so with
 * {@code -Deddy.terminal=true} (Java 21 cannot tell a terminal from a pipe by itself). Elsewhere
 * it prints nothing, so logs and pipes stay clean. Fed from one thread at a time.
 */
public final class EventProgress implements LongConsumer, AutoCloseable {
  private final ProgressBar bar;

  /** @param total the expected count, or -1 when unknown (an indefinite bar) */
  public EventProgress(String task, String unit, long total) {
    this.bar = Boolean.getBoolean("eddy.terminal")
        ? new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
            .showSpeed(new DecimalFormat("#,##0")).setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(250)
            .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build()
        : null;
  }

  /** Sets how many are done so far. */
  @Override
  public void accept(long done) {
    if (bar != null) {
      bar.stepTo(done);
    }
  }

  /** Adds one to the done count, with a note shown after the bar. */
  public void step(String note) {
    if (bar != null) {
      bar.step();
      bar.setExtraMessage(note);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
