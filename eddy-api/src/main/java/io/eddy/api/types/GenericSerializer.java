package io.eddy.api.types;

import io.eddy.api.tuple.Tuple;
import io.eddy.api.tuple.Tuple2;
import io.eddy.api.tuple.Tuple3;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataOutput;
import io.eddy.api.windowing.TimeWindow;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Serializes values whose type is only known at run time (keys, generic state, accumulators):
 * a one-byte tag, then the value. Basic types, arrays of primitives, tuples, time windows, rows,
 * dates and timestamps, Java records (component by component, recursively), enums, lists and
 * maps have compact forms; POJOs and other user classes go field by field ({@link FieldShape});
 * Serializable classes that are not POJOs use Java serialization. Thread-safe.
 */
final class GenericSerializer implements TypeSerializer<Object> {
  static final GenericSerializer INSTANCE = new GenericSerializer();

  private static final byte NULL = 0, LONG = 1, INT = 2, STRING = 3, DOUBLE = 4, FLOAT = 5, SHORT = 6, BYTE = 7,
      BOOLEAN = 8, CHAR = 9, BYTES = 10, LONGS = 11, INTS = 12, DOUBLES = 13, BIG_DECIMAL = 14, TUPLE2 = 15,
      TUPLE3 = 16, RECORD = 17, ENUM = 18, LIST = 19, MAP = 20, JAVA = 21, TIME_WINDOW = 22, ROW = 23,
      LOCAL_DATE_TIME = 24, LOCAL_DATE = 25, TUPLE = 26, OBJECT = 27;

  /** Flink's own tuple classes (not users' subclasses of them), which travel as their fields. */
  private static final ClassValue<Boolean> TUPLE_CLASS = new ClassValue<>() {
    @Override
    protected Boolean computeValue(Class<?> type) {
      return Tuple.class.isAssignableFrom(type) && type.getPackage() == Tuple.class.getPackage();
    }
  };

  private static final Map<Class<?>, RecordShape> SHAPES = new ConcurrentHashMap<>();

  /** How to take a record class apart and build it again. */
  private record RecordShape(RecordComponent[] components, Constructor<?> constructor) {
    static RecordShape of(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        components[i].getAccessor().setAccessible(true);
      }
      try {
        Constructor<?> c = type.getDeclaredConstructor(types);
        c.setAccessible(true);
        return new RecordShape(components, c);
      } catch (NoSuchMethodException e) {
        throw new IllegalStateException("Record " + type.getName() + " has no canonical constructor", e);
      }
    }
  }

  private GenericSerializer() {}

  @Override
  public String name() {
    return "generic";
  }

  @Override
  public void serialize(Object value, DataOutput out) throws IOException {
    switch (value) {
      case null -> out.writeByte(NULL);
      case Long v -> { out.writeByte(LONG); out.writeLong(v); }
      case Integer v -> { out.writeByte(INT); out.writeInt(v); }
      case String v -> { out.writeByte(STRING); BasicSerializers.STRING.serialize(v, out); }
      case Double v -> { out.writeByte(DOUBLE); out.writeDouble(v); }
      case Float v -> { out.writeByte(FLOAT); out.writeFloat(v); }
      case Short v -> { out.writeByte(SHORT); out.writeShort(v); }
      case Byte v -> { out.writeByte(BYTE); out.writeByte(v); }
      case Boolean v -> { out.writeByte(BOOLEAN); out.writeBoolean(v); }
      case Character v -> { out.writeByte(CHAR); out.writeChar(v); }
      case byte[] v -> { out.writeByte(BYTES); BasicSerializers.BYTES.serialize(v, out); }
      case long[] v -> {
        out.writeByte(LONGS);
        out.writeInt(v.length);
        for (long x : v) out.writeLong(x);
      }
      case int[] v -> {
        out.writeByte(INTS);
        out.writeInt(v.length);
        for (int x : v) out.writeInt(x);
      }
      case double[] v -> {
        out.writeByte(DOUBLES);
        out.writeInt(v.length);
        for (double x : v) out.writeDouble(x);
      }
      case BigDecimal v -> {
        out.writeByte(BIG_DECIMAL);
        out.writeInt(v.scale());
        BasicSerializers.BYTES.serialize(v.unscaledValue().toByteArray(), out);
      }
      case Tuple2<?, ?> t when t.getClass() == Tuple2.class -> {
        out.writeByte(TUPLE2);
        serialize(t.f0, out);
        serialize(t.f1, out);
      }
      case Tuple3<?, ?, ?> t when t.getClass() == Tuple3.class -> {
        out.writeByte(TUPLE3);
        serialize(t.f0, out);
        serialize(t.f1, out);
        serialize(t.f2, out);
      }
      case Tuple t when TUPLE_CLASS.get(t.getClass()) -> {
        out.writeByte(TUPLE);
        out.writeByte(t.getArity());
        for (int i = 0; i < t.getArity(); i++) serialize(t.getField(i), out);
      }
      case Record r -> writeRecord(r, out);
      case Row r -> {
        out.writeByte(ROW);
        out.writeByte(r.getKind().toByteValue());
        out.writeInt(r.getArity());
        for (int i = 0; i < r.getArity(); i++) serialize(r.getField(i), out);
      }
      case LocalDateTime t -> {
        out.writeByte(LOCAL_DATE_TIME);
        out.writeLong(t.toLocalDate().toEpochDay());
        out.writeLong(t.toLocalTime().toNanoOfDay());
      }
      case LocalDate d -> {
        out.writeByte(LOCAL_DATE);
        out.writeLong(d.toEpochDay());
      }
      case TimeWindow w -> {
        out.writeByte(TIME_WINDOW);
        out.writeLong(w.getStart());
        out.writeLong(w.getEnd());
      }
      case Enum<?> e -> {
        out.writeByte(ENUM);
        out.writeUTF(e.getDeclaringClass().getName());
        out.writeInt(e.ordinal());
      }
      case List<?> list when list.getClass() == ArrayList.class || isImmutableList(list) -> {
        out.writeByte(LIST);
        out.writeInt(list.size());
        for (Object o : list) serialize(o, out);
      }
      case Map<?, ?> map when map.getClass() == HashMap.class -> {
        out.writeByte(MAP);
        out.writeInt(map.size());
        for (Map.Entry<?, ?> e : map.entrySet()) {
          serialize(e.getKey(), out);
          serialize(e.getValue(), out);
        }
      }
      default -> writeObject(value, out);
    }
  }

  private void writeObject(Object value, DataOutput out) throws IOException {
    FieldShape shape = FieldShape.of(value.getClass());
    if (shape == null) {
      writeJava(value, out);
      return;
    }
    out.writeByte(OBJECT);
    out.writeUTF(value.getClass().getName());
    try {
      for (Field f : shape.fields()) {
        serialize(f.get(value), out);
      }
    } catch (IllegalAccessException e) {
      throw new IOException("Cannot read the fields of " + value.getClass().getName(), e);
    }
  }

  private static boolean isImmutableList(List<?> list) {
    return list.getClass().getName().startsWith("java.util.ImmutableCollections$List");
  }

  private void writeRecord(Record r, DataOutput out) throws IOException {
    out.writeByte(RECORD);
    out.writeUTF(r.getClass().getName());
    RecordShape shape = SHAPES.computeIfAbsent(r.getClass(), RecordShape::of);
    try {
      for (RecordComponent c : shape.components()) {
        serialize(c.getAccessor().invoke(r), out);
      }
    } catch (ReflectiveOperationException e) {
      throw new IOException("Cannot read record " + r.getClass().getName(), e);
    }
  }

  private static void writeJava(Object value, DataOutput out) throws IOException {
    if (!(value instanceof Serializable)) {
      throw new IOException("Cannot serialize " + value.getClass().getName()
          + ": use a record, a POJO, a tuple or basic types, or make it Serializable"
          + " (inner classes that capture their enclosing instance and JDK classes are not taken apart field by field)");
    }
    out.writeByte(JAVA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream oos = new ObjectOutputStream(bytes)) {
      oos.writeObject(value);
    }
    BasicSerializers.BYTES.serialize(bytes.toByteArray(), out);
  }

  @Override
  public Object deserialize(DataInput in) throws IOException {
    byte tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case LONG -> in.readLong();
      case INT -> in.readInt();
      case STRING -> BasicSerializers.STRING.deserialize(in);
      case DOUBLE -> in.readDouble();
      case FLOAT -> in.readFloat();
      case SHORT -> in.readShort();
      case BYTE -> in.readByte();
      case BOOLEAN -> in.readBoolean();
      case CHAR -> in.readChar();
      case BYTES -> BasicSerializers.BYTES.deserialize(in);
      case LONGS -> {
        long[] v = new long[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readLong();
        yield v;
      }
      case INTS -> {
        int[] v = new int[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readInt();
        yield v;
      }
      case DOUBLES -> {
        double[] v = new double[in.readInt()];
        for (int i = 0; i < v.length; i++) v[i] = in.readDouble();
        yield v;
      }
      case ROW -> {
        RowKind kind = RowKind.fromByteValue(in.readByte());
        Object[] fields = new Object[in.readInt()];
        for (int i = 0; i < fields.length; i++) fields[i] = deserialize(in);
        yield Row.wrap(kind, fields);
      }
      case LOCAL_DATE_TIME -> LocalDateTime.of(LocalDate.ofEpochDay(in.readLong()), LocalTime.ofNanoOfDay(in.readLong()));
      case LOCAL_DATE -> LocalDate.ofEpochDay(in.readLong());
      case BIG_DECIMAL -> {
        int scale = in.readInt();
        yield new BigDecimal(new BigInteger(BasicSerializers.BYTES.deserialize(in)), scale);
      }
      case TUPLE2 -> new Tuple2<>(deserialize(in), deserialize(in));
      case TUPLE3 -> new Tuple3<>(deserialize(in), deserialize(in), deserialize(in));
      case TUPLE -> {
        Tuple t = Tuple.newInstance(in.readUnsignedByte());
        for (int i = 0; i < t.getArity(); i++) t.setField(deserialize(in), i);
        yield t;
      }
      case RECORD -> readRecord(in);
      case OBJECT -> readObject(in);
      case ENUM -> {
        Class<?> type = load(in.readUTF());
        yield type.getEnumConstants()[in.readInt()];
      }
      case LIST -> {
        int n = in.readInt();
        List<Object> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) list.add(deserialize(in));
        yield list;
      }
      case MAP -> {
        int n = in.readInt();
        Map<Object, Object> map = new HashMap<>(Math.max(4, n * 2));
        for (int i = 0; i < n; i++) map.put(deserialize(in), deserialize(in));
        yield map;
      }
      case JAVA -> readJava(in);
      case TIME_WINDOW -> new TimeWindow(in.readLong(), in.readLong());
      default -> throw new IOException("Corrupt data: unknown type tag " + tag);
    };
  }

  private Object readRecord(DataInput in) throws IOException {
    Class<?> type = load(in.readUTF());
    RecordShape shape = SHAPES.computeIfAbsent(type, RecordShape::of);
    Object[] args = new Object[shape.components().length];
    for (int i = 0; i < args.length; i++) {
      args[i] = deserialize(in);
    }
    try {
      return shape.constructor().newInstance(args);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IOException("Cannot rebuild record " + type.getName(), e);
    }
  }

  private Object readObject(DataInput in) throws IOException {
    Class<?> type = load(in.readUTF());
    FieldShape shape = FieldShape.of(type);
    if (shape == null) {
      throw new IOException("Corrupt data or changed class: " + type.getName() + " cannot be rebuilt field by field");
    }
    try {
      Object value = shape.newInstance();
      for (Field f : shape.fields()) {
        f.set(value, deserialize(in));
      }
      return value;
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IOException("Cannot rebuild " + type.getName() + " field by field", e);
    }
  }

  private static Object readJava(DataInput in) throws IOException {
    byte[] bytes = BasicSerializers.BYTES.deserialize(in);
    try (ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(bytes)) {
      @Override
      protected Class<?> resolveClass(java.io.ObjectStreamClass desc) throws IOException, ClassNotFoundException {
        return load(desc.getName());
      }
    }) {
      return ois.readObject();
    } catch (ClassNotFoundException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static Class<?> load(String name) throws IOException {
    try {
      return Class.forName(name, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IOException("Class not found while deserializing: " + name, e);
    }
  }

  private Object readResolve() {
    return INSTANCE;
  }
}
