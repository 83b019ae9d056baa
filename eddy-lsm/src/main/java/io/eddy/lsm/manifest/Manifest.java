package io.eddy.lsm.manifest;

import io.eddy.fs.FileOutput;
import io.eddy.fs.FileSystem;
import io.eddy.lsm.KeyRange;
import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.ByteSource;
import io.eddy.lsm.util.Bytes;
import io.eddy.lsm.util.Checksums;
import io.eddy.lsm.util.Coding;
import io.eddy.lsm.util.CorruptionException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The content of a manifest file: a complete, self-contained description of one version
 * (every live file with its level), the sequence and file-number counters, the plug-in
 * names and the key range the store is restricted to. Live stores write a new
 * {@code MANIFEST-nnnnnn} per change; checkpoints write {@code CHECKPOINT-nnnnnn} with the
 * same encoding. Written whole, once: no append, no rename (docs/format/manifest.md).
 * Immutable.
 */
public record Manifest(
    boolean checkpoint,
    String mergeOperator,
    long lastSequence,
    long nextFileNumber,
    KeyRange range,
    List<VersionEdit.LevelFile> files) {

  public static final long MAGIC = 0x314E414D59444445L; // "EDDYMAN1" little-endian
  public static final int FORMAT_VERSION = 1;

  public Manifest {
    files = List.copyOf(files);
  }

  byte[] encode() {
    ByteSink p = new ByteSink(256 + files.size() * 96);
    p.putVarint(checkpoint ? 1 : 0);
    p.putString(Bytes.COMPARATOR_NAME);
    p.putString(mergeOperator);
    p.putVarint(lastSequence).putVarint(nextFileNumber);
    putRange(p, range);
    p.putVarint(files.size());
    for (VersionEdit.LevelFile lf : files) {
      p.putVarint(lf.level());
      lf.file().encodeTo(p);
    }
    ByteSink out = new ByteSink(p.size() + 20);
    out.putLongLE(MAGIC).putIntLE(FORMAT_VERSION).putIntLE(p.size());
    out.put(p.array(), 0, p.size());
    out.putIntLE(Checksums.crc32c(p.array(), 0, p.size()));
    return out.toByteArray();
  }

  /** Encodes a key range (each bound: flag, then the key if present). */
  public static void putRange(ByteSink p, KeyRange range) {
    for (byte[] b : new byte[][] {range.start(), range.end()}) {
      p.putVarint(b == null ? 0 : 1);
      if (b != null) {
        p.putLengthPrefixed(b);
      }
    }
  }

  /** Reads what {@link #putRange} wrote. */
  public static KeyRange getRange(ByteSource s) {
    byte[] start = s.varint() == 0 ? null : s.lengthPrefixed();
    byte[] end = s.varint() == 0 ? null : s.lengthPrefixed();
    return new KeyRange(start, end);
  }

  /** Writes this manifest as a new file at {@code path}. */
  public void write(FileSystem fs, String path) throws IOException {
    byte[] data = encode();
    FileOutput out = fs.create(path);
    try {
      out.write(data);
      out.close();
    } catch (IOException | RuntimeException e) {
      out.abort();
      throw e;
    }
  }

  /** Reads and verifies a manifest file. */
  public static Manifest read(FileSystem fs, String path) throws IOException {
    byte[] b = fs.readAll(path);
    if (b.length < 20 || Coding.getLongLE(b, 0) != MAGIC) {
      throw new CorruptionException("not an eddy manifest (bad magic): " + path);
    }
    int version = Coding.getIntLE(b, 8);
    if (version != FORMAT_VERSION) {
      throw new CorruptionException("unsupported manifest format version " + version + " in " + path);
    }
    int len = Coding.getIntLE(b, 12);
    if (len < 0 || 16 + len + 4 != b.length) {
      throw new CorruptionException("manifest length mismatch in " + path);
    }
    if (Coding.getIntLE(b, 16 + len) != Checksums.crc32c(b, 16, len)) {
      throw new CorruptionException("manifest checksum mismatch in " + path);
    }
    try {
      ByteSource s = new ByteSource(b, 16, 16 + len);
      boolean checkpoint = s.varint() == 1;
      String comparator = s.string();
      if (!comparator.equals(Bytes.COMPARATOR_NAME)) {
        throw new CorruptionException(path + " was written with comparator '" + comparator + "'");
      }
      String merge = s.string();
      long lastSeq = s.varint();
      long nextFile = s.varint();
      KeyRange range = getRange(s);
      int n = s.varint32();
      List<VersionEdit.LevelFile> files = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int level = s.varint32();
        files.add(new VersionEdit.LevelFile(level, FileMeta.decodeFrom(s)));
      }
      return new Manifest(checkpoint, merge, lastSeq, nextFile, range, files);
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new CorruptionException("malformed manifest " + path + ": " + e.getMessage(), e);
    }
  }
}
