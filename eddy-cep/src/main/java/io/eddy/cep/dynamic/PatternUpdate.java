package io.eddy.cep.dynamic;

import io.eddy.cep.pattern.Pattern;
import java.io.Serializable;
import java.util.Objects;

/**
 * A change to the set of patterns a dynamic pattern stream detects: add or replace the pattern
 * {@code patternId} ({@link #of}), or remove it ({@link #remove}). Replacing or removing a
 * pattern drops its partial matches on every key.
 */
public record PatternUpdate<T>(String patternId, Pattern<T, ?> pattern) implements Serializable {
  public PatternUpdate {
    if (patternId == null || patternId.isEmpty()) {
      throw new IllegalArgumentException("A pattern update needs a non-empty pattern id");
    }
  }

  public static <T> PatternUpdate<T> of(String patternId, Pattern<T, ?> pattern) {
    return new PatternUpdate<>(patternId, Objects.requireNonNull(pattern, "pattern"));
  }

  public static <T> PatternUpdate<T> remove(String patternId) {
    return new PatternUpdate<>(patternId, null);
  }

  public boolean isRemoval() {
    return pattern == null;
  }
}
