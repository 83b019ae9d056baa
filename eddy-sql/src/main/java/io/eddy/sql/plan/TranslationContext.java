package io.eddy.sql.plan;

import io.eddy.api.datastream.DataStream;
import io.eddy.api.datastream.StreamEnvironment;
import io.eddy.api.types.Row;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What translating a physical plan needs: the environment to add operators to, the state TTL
 * ({@code table.exec.state.ttl}, zero for none), the plan's {@link ChangelogPlan} (which nodes
 * emit -U rows), whether processing-time windows still open at the end of a bounded input fire
 * ({@code table.exec.window.proctime.fire-at-end-of-input}), and the streams already built, so a node used twice (a view read by two
 * branches) is translated once.
 */
public final class TranslationContext {
  private final StreamEnvironment env;
  private final Duration stateTtl;
  private final ChangelogPlan changelog;
  private final boolean fireProctimeWindowsAtEnd;
  private final Map<PhysicalNode, DataStream<Row>> translated = new IdentityHashMap<>();

  public TranslationContext(StreamEnvironment env, Duration stateTtl, ChangelogPlan changelog,
      boolean fireProctimeWindowsAtEnd) {
    this.env = env;
    this.stateTtl = stateTtl;
    this.changelog = changelog;
    this.fireProctimeWindowsAtEnd = fireProctimeWindowsAtEnd;
  }

  public StreamEnvironment env() {
    return env;
  }

  public Duration stateTtl() {
    return stateTtl;
  }

  /**
   * Whether processing-time windows still open when a bounded input ends fire then. Flink drops
   * them (pending processing-time timers do not fire at the end of input); false by default.
   */
  public boolean fireProctimeWindowsAtEnd() {
    return fireProctimeWindowsAtEnd;
  }

  /** Whether {@code node} must emit -U rows (some consumer needs them). */
  public boolean updateBefore(PhysicalNode node) {
    return changelog.updateBefore(node);
  }

  /** The stream of {@code node}, translating it on first use. */
  public DataStream<Row> streamOf(PhysicalNode node) {
    DataStream<Row> stream = translated.get(node);
    if (stream == null) {
      stream = node.translate(this);
      translated.put(node, stream);
    }
    return stream;
  }
}
