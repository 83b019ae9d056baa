package io.eddy.state;

/**
 * How the checkpointed entries of one operator state are handed back on restore (see {@link
 * io.eddy.api.state.OperatorStateStore}). The mode travels with the state in its name in the
 * checkpoint: a prefix ({@code union:} or {@code broadcast:}; none for split lists) in front of
 * the rest of the name, so state files need no other field and older files read as split lists.
 * Code that adds its own prefix to names (an operator's namespace for function state) uses
 * {@link #withPrefix} and {@link #withoutPrefix}, which keep the mode marker in front.
 */
public enum OperatorStateMode {
  /** Entries are dealt round-robin over the new subtasks. */
  SPLIT(""),
  /** Every new subtask gets the entries of all old subtasks. */
  UNION("union:"),
  /** Every new subtask gets one old subtask's entries: subtask i those of subtask i mod old parallelism. */
  BROADCAST("broadcast:");

  private final String marker;

  OperatorStateMode(String marker) {
    this.marker = marker;
  }

  /** The name under which a state of this mode is checkpointed. */
  public String encode(String name) {
    return marker + name;
  }

  /** The mode of a checkpointed name. */
  public static OperatorStateMode of(String encoded) {
    if (encoded.startsWith(UNION.marker)) {
      return UNION;
    }
    return encoded.startsWith(BROADCAST.marker) ? BROADCAST : SPLIT;
  }

  /** The name without its mode marker. */
  public static String plainName(String encoded) {
    return encoded.substring(of(encoded).marker.length());
  }

  /** Puts {@code prefix} before the plain name, keeping the mode marker first. */
  public static String withPrefix(String encoded, String prefix) {
    return of(encoded).encode(prefix + plainName(encoded));
  }

  /** Whether the plain name starts with {@code prefix}. */
  public static boolean hasPrefix(String encoded, String prefix) {
    return plainName(encoded).startsWith(prefix);
  }

  /** Removes {@code prefix} from the plain name; REQUIRES: {@link #hasPrefix}. */
  public static String withoutPrefix(String encoded, String prefix) {
    return of(encoded).encode(plainName(encoded).substring(prefix.length()));
  }
}
