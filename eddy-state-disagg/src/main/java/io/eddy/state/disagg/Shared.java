package io.eddy.state.disagg;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Process-wide sharing of what every state store should not own a copy of: FileSystem clients
 * (an S3 client per store would multiply connection pools), the block cache and the local file
 * cache (one memory and one disk budget for the whole process). A value is created by the first
 * {@link #acquire} of its key and closed when the last lease on it is closed, so nothing lingers
 * after the last job using it.
 *
 * <p>Thread safety: thread-safe; stores of many tasks acquire and release concurrently.
 */
final class Shared {
  /** Creates a shared value. */
  interface Factory<T> {
    T create() throws IOException;
  }

  /** Releases a shared value once nobody uses it. */
  interface Closer<T> {
    void close(T value) throws Exception;
  }

  /** One holder's claim on a shared value; close it exactly once. */
  static final class Lease<T> implements AutoCloseable {
    private final Object key;
    private final T value;
    private boolean closed;

    private Lease(Object key, T value) {
      this.key = key;
      this.value = value;
    }

    T get() {
      return value;
    }

    @Override
    public void close() throws Exception {
      synchronized (ENTRIES) {
        if (closed) {
          return;
        }
        closed = true;
        Entry<?> e = ENTRIES.get(key);
        if (--e.users == 0) {
          ENTRIES.remove(key);
          e.close();
        }
      }
    }
  }

  private static final class Entry<T> {
    final T value;
    final Closer<T> closer;
    int users;

    Entry(T value, Closer<T> closer) {
      this.value = value;
      this.closer = closer;
    }

    void close() throws Exception {
      closer.close(value);
    }
  }

  private static final Map<Object, Entry<?>> ENTRIES = new HashMap<>();

  private Shared() {}

  /** A lease on the value of {@code key}, created with {@code factory} if nobody holds one. */
  @SuppressWarnings("unchecked")
  static <T> Lease<T> acquire(Object key, Factory<T> factory, Closer<T> closer) throws IOException {
    synchronized (ENTRIES) {
      Entry<T> e = (Entry<T>) ENTRIES.get(key);
      if (e == null) {
        e = new Entry<>(factory.create(), closer);
        ENTRIES.put(key, e);
      }
      e.users++;
      return new Lease<>(key, e.value);
    }
  }
}
