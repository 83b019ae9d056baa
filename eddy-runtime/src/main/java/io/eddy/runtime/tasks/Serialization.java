package io.eddy.runtime.tasks;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;

/** Copies user functions (and the specs holding them) so that every subtask gets its own instance. */
public final class Serialization {
  private Serialization() {}

  @SuppressWarnings("unchecked")
  public static <T> T copy(T object, String what) {
    if (object == null) {
      return null;
    }
    if (!(object instanceof Serializable)) {
      throw new IllegalArgumentException(what + " is not serializable: " + object.getClass().getName());
    }
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
        out.writeObject(object);
      }
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())) {
        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
          try {
            return Class.forName(desc.getName(), false, loader);
          } catch (ClassNotFoundException e) {
            return super.resolveClass(desc);
          }
        }
      }) {
        return (T) in.readObject();
      }
    } catch (NotSerializableException e) {
      throw new IllegalArgumentException(what + " is not serializable: it holds a " + e.getMessage()
          + " (functions are copied to every subtask; keep non-serializable objects in transient fields "
          + "created in open())", e);
    } catch (IOException | ClassNotFoundException e) {
      throw new IllegalArgumentException("Cannot copy " + what + ": " + e, e);
    }
  }
}
