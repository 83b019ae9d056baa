package io.eddy.lsm.db;

import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.Futures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the point lookups of one multiGet that the caches could not answer (each reads a file):
 * in key order on the calling thread (parallelism 1, best for local storage), or spread over up
 * to {@code parallelism} groups, all but one on virtual threads, so that the block reads of
 * different keys overlap on a slow FileSystem (with a group per key while there are no more
 * keys than groups: one remote round trip for the whole batch, not one per 8 keys).
 *
 * <p>Thread safety: stateless; the lookup function must be thread-safe.
 */
public final class MultiGet {
  /** One point lookup. */
  @FunctionalInterface
  public interface KeyLookup {
    byte[] get(byte[] key) throws IOException;
  }

  private static final ExecutorService IO = Executors.newVirtualThreadPerTaskExecutor();

  private MultiGet() {}

  public static byte[][] run(List<byte[]> keys, int parallelism, KeyLookup lookup) throws IOException {
    int n = keys.size();
    byte[][] out = new byte[n][];
    int groups = Math.min(parallelism, n);
    if (groups <= 1) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Bytes.compare(keys.get(a), keys.get(b)));
      for (int i : order) {
        out[i] = lookup.get(keys.get(i));
      }
      return out;
    }
    List<Future<?>> futures = new ArrayList<>(groups - 1);
    for (int g = 1; g < groups; g++) {
      int group = g;
      futures.add(IO.submit(() -> {
        lookupGroup(keys, out, group, groups, lookup);
        return null;
      }));
    }
    lookupGroup(keys, out, 0, groups, lookup);
    for (Future<?> f : futures) {
      Futures.await(f, "multiGet");
    }
    return out;
  }

  private static void lookupGroup(List<byte[]> keys, byte[][] out, int group, int groups, KeyLookup lookup) throws IOException {
    for (int i = group; i < keys.size(); i += groups) {
      out[i] = lookup.get(keys.get(i));
    }
  }
}
