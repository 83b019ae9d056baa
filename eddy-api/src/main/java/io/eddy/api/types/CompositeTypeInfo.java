package io.eddy.api.types;

import java.util.Arrays;
import java.util.Objects;

/** A type made of positional fields, each with its own type information (tuples, rows). */
public abstract class CompositeTypeInfo<T> extends TypeInformation<T> {
  private final TypeInformation<?>[] fieldTypes;

  protected CompositeTypeInfo(TypeInformation<?>... fieldTypes) {
    this.fieldTypes = fieldTypes.clone();
    for (TypeInformation<?> t : this.fieldTypes) {
      Objects.requireNonNull(t, "field type");
    }
  }

  @Override
  public int getArity() {
    return fieldTypes.length;
  }

  @Override
  public int getTotalFields() {
    return Arrays.stream(fieldTypes).mapToInt(TypeInformation::getTotalFields).sum();
  }

  /** The type of the field at {@code pos}. */
  @SuppressWarnings("unchecked")
  public <X> TypeInformation<X> getTypeAt(int pos) {
    return (TypeInformation<X>) fieldTypes[pos];
  }

  @Override
  public TypeSerializer<T> createSerializer() {
    return TypeSerializers.generic();
  }

  protected String fieldTypesString() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < fieldTypes.length; i++) {
      s.append(i == 0 ? "" : ", ").append(fieldName(i)).append(": ").append(fieldTypes[i]);
    }
    return s.toString();
  }

  /** The name of the field at {@code pos}. */
  public abstract String fieldName(int pos);
}
