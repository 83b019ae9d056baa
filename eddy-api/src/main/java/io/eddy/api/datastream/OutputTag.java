package io.eddy.api.datastream;

import io.eddy.api.types.TypeInformation;
import java.io.Serializable;
import java.util.Objects;

/** Names a side output. Tags with equal ids are the same output. */
public class OutputTag<T> implements Serializable {
  private final String id;
  private TypeInformation<T> typeInfo;

  public OutputTag(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("OutputTag id must not be empty");
    }
    this.id = id;
  }

  /** A tag whose element type is declared, as in Flink ({@code new OutputTag<>("late", Types.STRING)}). */
  public OutputTag(String id, TypeInformation<T> typeInfo) {
    this(id);
    this.typeInfo = Objects.requireNonNull(typeInfo, "type information");
  }

  /** The declared element type, or null when the tag was made without one. */
  public TypeInformation<T> getTypeInfo() {
    return typeInfo;
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
