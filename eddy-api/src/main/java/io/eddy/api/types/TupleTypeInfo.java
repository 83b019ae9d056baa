package io.eddy.api.types;

import io.eddy.api.tuple.Tuple;

/** The type of a Flink tuple: one type per position f0, f1, .... */
public final class TupleTypeInfo<T extends Tuple> extends CompositeTypeInfo<T> {
  private final Class<T> tupleClass;

  @SuppressWarnings("unchecked")
  public TupleTypeInfo(TypeInformation<?>... fieldTypes) {
    this((Class<T>) Tuple.getTupleClass(fieldTypes.length), fieldTypes);
  }

  public TupleTypeInfo(Class<T> tupleClass, TypeInformation<?>... fieldTypes) {
    super(fieldTypes);
    this.tupleClass = tupleClass;
  }

  @Override
  public Class<T> getTypeClass() {
    return tupleClass;
  }

  @Override
  public boolean isTupleType() {
    return true;
  }

  @Override
  public String fieldName(int pos) {
    return "f" + pos;
  }

  @Override
  public String toString() {
    return "Java Tuple" + getArity() + "<" + fieldTypesString().replaceAll("f\\d+: ", "") + ">";
  }
}
