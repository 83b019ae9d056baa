package io.eddy.api.types;

import java.util.Arrays;

/** The type of a {@link Row}: named fields f0, f1, ... unless names are given. */
public final class RowTypeInfo extends CompositeTypeInfo<Row> {
  private final String[] fieldNames;

  public RowTypeInfo(TypeInformation<?>... fieldTypes) {
    this(fieldTypes, defaultNames(fieldTypes.length));
  }

  public RowTypeInfo(TypeInformation<?>[] fieldTypes, String[] fieldNames) {
    super(fieldTypes);
    if (fieldNames.length != fieldTypes.length) {
      throw new IllegalArgumentException("A row needs as many field names as field types: "
          + fieldNames.length + " names, " + fieldTypes.length + " types");
    }
    if (Arrays.stream(fieldNames).distinct().count() != fieldNames.length) {
      throw new IllegalArgumentException("Row field names must be unique: " + Arrays.toString(fieldNames));
    }
    this.fieldNames = fieldNames.clone();
  }

  private static String[] defaultNames(int arity) {
    String[] names = new String[arity];
    for (int i = 0; i < arity; i++) {
      names[i] = "f" + i;
    }
    return names;
  }

  public String[] getFieldNames() {
    return fieldNames.clone();
  }

  /** The position of the named field, or -1. */
  public int getFieldIndex(String name) {
    return Arrays.asList(fieldNames).indexOf(name);
  }

  @Override
  public String fieldName(int pos) {
    return fieldNames[pos];
  }

  @Override
  public Class<Row> getTypeClass() {
    return Row.class;
  }

  @Override
  public String toString() {
    return "Row(" + fieldTypesString() + ")";
  }
}
