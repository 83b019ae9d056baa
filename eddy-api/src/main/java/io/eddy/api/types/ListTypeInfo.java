package io.eddy.api.types;

import java.util.List;
import java.util.Objects;

/** The type of a java.util.List with elements of one type. */
public final class ListTypeInfo<E> extends TypeInformation<List<E>> {
  private final TypeInformation<E> elementType;

  public ListTypeInfo(TypeInformation<E> elementType) {
    this.elementType = Objects.requireNonNull(elementType, "element type");
  }

  public ListTypeInfo(Class<E> elementClass) {
    this(TypeInformation.of(elementClass));
  }

  public TypeInformation<E> getElementTypeInfo() {
    return elementType;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Class<List<E>> getTypeClass() {
    return (Class<List<E>>) (Class<?>) List.class;
  }

  @Override
  public boolean isKeyType() {
    return false;
  }

  @Override
  public TypeSerializer<List<E>> createSerializer() {
    return TypeSerializers.generic();
  }

  @Override
  public String toString() {
    return "List<" + elementType + ">";
  }
}
