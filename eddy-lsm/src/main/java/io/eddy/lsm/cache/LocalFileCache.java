package io.eddy.lsm.cache;

import io.eddy.fs.FileSystem;
import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The local-disk tier between the block cache and a remote FileSystem. Each remote file
 * is mirrored by a sparse local file filled in chunks on demand (so the first read of a
 * block fetches one chunk, never the whole file); a bitmap remembers which chunks are
 * present. Bounded in bytes: when full, whole files are evicted least-recently-used first.
 * Use {@link #wrap} to put it in front of a FileSystem; with write-through, files written
 * through the wrapper are cached in full as they are written.
 *
 * <p>Thread safety: thread-safe. Chunks are fetched under per-chunk striped locks, so
 * concurrent misses on different chunks of one file fetch in parallel. A read racing with
 * the eviction of its file falls back to the remote copy.
 */
public final class LocalFileCache implements AutoCloseable {
  private static final int STRIPES = 64;

  final class Entry {
    final String path;
    final Path local;
    final FileChannel channel;
    final long size;
    final BitSet present;
    final Object[] locks = new Object[STRIPES];
    volatile long lastUse;
    long bytes;

    Entry(String path, Path local, long size, boolean complete) throws IOException {
      this.path = path;
      this.local = local;
      this.size = size;
      this.channel = FileChannel.open(local, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      this.present = new BitSet(chunkCount(size));
      for (int i = 0; i < STRIPES; i++) {
        locks[i] = new Object();
      }
      if (complete) {
        present.set(0, chunkCount(size));
        bytes = size;
      }
    }

    boolean has(int chunk) {
      synchronized (present) {
        return present.get(chunk);
      }
    }
  }

  private final Path directory;
  private final long capacity;
  private final int chunkSize;
  private final boolean writeThrough;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final AtomicLong used = new AtomicLong();
  private final AtomicLong fileIds = new AtomicLong();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();

  /**
   * @param directory local folder for cached files (created; owned by this cache)
   * @param capacityBytes bound on cached bytes
   * @param chunkSize fetch granularity (e.g. 256 KiB)
   * @param writeThrough cache files as they are written through {@link #wrap}
   */
  public LocalFileCache(Path directory, long capacityBytes, int chunkSize, boolean writeThrough) throws IOException {
    this.directory = Files.createDirectories(directory);
    this.capacity = capacityBytes;
    this.chunkSize = chunkSize;
    this.writeThrough = writeThrough;
  }

  /** A FileSystem that reads {@code remote} through this cache. */
  public FileSystem wrap(FileSystem remote) {
    return new CachingFileSystem(remote, this);
  }

  boolean writeThrough() {
    return writeThrough;
  }

  int chunkCount(long size) {
    return (int) ((size + chunkSize - 1) / chunkSize);
  }

  private Entry entry(String path, long size) {
    return entries.computeIfAbsent(path, p -> {
      try {
        return new Entry(p, directory.resolve(fileIds.incrementAndGet() + ".cache"), size, false);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Reads through the cache, fetching missing chunks from {@code remote}. */
  void read(ReadHandle remote, long position, byte[] dst, int offset, int length) throws IOException {
    long size = remote.size();
    ReadHandle.checkRange(remote.path(), position, length, size);
    Entry e;
    try {
      e = entry(remote.path(), size);
    } catch (UncheckedIOException ex) {
      remote.readFully(position, dst, offset, length);
      return;
    }
    e.lastUse = System.nanoTime();
    try {
      int first = (int) (position / chunkSize);
      int last = (int) ((position + length - 1) / chunkSize);
      for (int c = first; c <= last; c++) {
        ensureChunk(e, c, remote);
      }
      ByteBuffer buf = ByteBuffer.wrap(dst, offset, length);
      long p = position;
      while (buf.hasRemaining()) {
        int n = e.channel.read(buf, p);
        if (n < 0) {
          throw new IOException("local cache file shorter than expected for " + remote.path());
        }
        p += n;
      }
    } catch (IOException ex) {
      if (e.channel.isOpen()) {
        throw ex;
      }
      remote.readFully(position, dst, offset, length);
    }
  }

  private void ensureChunk(Entry e, int chunk, ReadHandle remote) throws IOException {
    if (e.has(chunk)) {
      hits.increment();
      return;
    }
    synchronized (e.locks[chunk % STRIPES]) {
      if (e.has(chunk)) {
        hits.increment();
        return;
      }
      misses.increment();
      long start = (long) chunk * chunkSize;
      int len = (int) Math.min(chunkSize, e.size - start);
      byte[] data = new byte[len];
      remote.readFully(start, data, 0, len);
      ByteBuffer buf = ByteBuffer.wrap(data);
      long p = start;
      while (buf.hasRemaining()) {
        p += e.channel.write(buf, p);
      }
      synchronized (e.present) {
        e.present.set(chunk);
        e.bytes += len;
      }
      used.addAndGet(len);
    }
    evictIfFull(e);
  }

  /** Registers a file just written in full at {@code local} (write-through). */
  void adopt(String path, Path local, long size) throws IOException {
    Entry e = new Entry(path, local, size, true);
    e.lastUse = System.nanoTime();
    Entry old = entries.put(path, e);
    if (old != null) {
      drop(old);
    }
    used.addAndGet(size);
    evictIfFull(e);
  }

  Path newLocalFile() {
    return directory.resolve(fileIds.incrementAndGet() + ".cache");
  }

  private void evictIfFull(Entry keep) {
    if (used.get() <= capacity) {
      return;
    }
    synchronized (this) {
      entries.values().stream()
          .filter(x -> x != keep)
          .sorted(Comparator.comparingLong(x -> x.lastUse))
          .takeWhile(x -> used.get() > capacity)
          .forEach(x -> {
            if (entries.remove(x.path, x)) {
              drop(x);
            }
          });
    }
  }

  private void drop(Entry e) {
    try {
      e.channel.close();
      Files.deleteIfExists(e.local);
    } catch (IOException ignored) {
      // a leftover cache file only wastes local disk until the cache directory is cleared
    }
    synchronized (e.present) {
      used.addAndGet(-e.bytes);
      e.bytes = 0;
    }
  }

  /** Forgets a file (it was deleted remotely). */
  public void evict(String path) {
    Entry e = entries.remove(path);
    if (e != null) {
      drop(e);
    }
  }

  public CacheStats stats() {
    return new CacheStats("local-file", hits.sum(), misses.sum(), used.get(), capacity);
  }

  @Override
  public void close() {
    for (Entry e : entries.values()) {
      evict(e.path);
    }
  }
}
