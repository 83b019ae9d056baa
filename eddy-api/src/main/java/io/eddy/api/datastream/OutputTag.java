package io.eddy.api.datastream;

import java.io.Serializable;
import java.util.Objects;

/** Names a side output. Tags with equal ids are the same output. */
public class OutputTag<T> implements Serializable {
  private final String id;

  public OutputTag(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("OutputTag id must not be empty");
    }
    this.id = id;
  }

  public String getId() {
    return id;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OutputTag<?> t && t.id.equals(id);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id);
  }

  @Override
  public String toString() {
    return "OutputTag(" + id + ")";
  }
}
