package io.eddy.fs;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One fault to inject in a {@link FaultInjectingFileSystem}: which operation, on which
 * paths, what to do, and how often.
 *
 * @param op the operation kind this rule applies to
 * @param pathPattern a regular expression that must be found in the path ({@code find},
 *     not {@code matches}); {@code ""} matches every path
 * @param action fail the call, delay it, or (reads only) flip one byte of the data read
 * @param probability chance in [0, 1] that a matching call is hit
 * @param maxHits how many times the rule may fire in total; negative means unlimited
 * @param delayMillis the delay for {@link Action#DELAY}
 */
public record FaultRule(Op op, String pathPattern, Action action, double probability, int maxHits, long delayMillis) {

  /** Operation kinds of the {@link FileSystem} SPI (and of its streams and handles). */
  public enum Op {
    CREATE,
    WRITE,
    PUBLISH,
    OPEN,
    READ,
    LIST,
    DELETE,
    EXISTS,
    SIZE
  }

  /** What happens to a hit call. */
  public enum Action {
    /** Throw an {@link InjectedFaultException}. */
    FAIL,
    /** Sleep {@code delayMillis}, then proceed. */
    DELAY,
    /** Proceed, then invert one random bit of the bytes read (READ only). */
    FLIP_BYTE
  }

  public FaultRule {
    Objects.requireNonNull(op, "op");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(pathPattern, "pathPattern");
    if (probability < 0 || probability > 1) {
      throw new IllegalArgumentException("probability must be in [0, 1]: " + probability);
    }
    if (action == Action.FLIP_BYTE && op != Op.READ) {
      throw new IllegalArgumentException("FLIP_BYTE applies to READ only, not " + op);
    }
  }

  /** Fails every matching call, forever. */
  public static FaultRule fail(Op op, String pathPattern) {
    return new FaultRule(op, pathPattern, Action.FAIL, 1.0, -1, 0);
  }

  /** Fails matching calls with the given probability, forever. */
  public static FaultRule failRandomly(Op op, String pathPattern, double probability) {
    return new FaultRule(op, pathPattern, Action.FAIL, probability, -1, 0);
  }

  /** Fails the next {@code count} matching calls. */
  public static FaultRule failTimes(Op op, String pathPattern, int count) {
    return new FaultRule(op, pathPattern, Action.FAIL, 1.0, count, 0);
  }

  /** Delays every matching call by {@code millis}. */
  public static FaultRule delay(Op op, String pathPattern, long millis) {
    return new FaultRule(op, pathPattern, Action.DELAY, 1.0, -1, millis);
  }

  /** Flips one bit in the data returned by the next {@code count} matching reads. */
  public static FaultRule flipByte(String pathPattern, int count) {
    return new FaultRule(Op.READ, pathPattern, Action.FLIP_BYTE, 1.0, count, 0);
  }

  Pattern compiled() {
    return Pattern.compile(pathPattern);
  }
}
