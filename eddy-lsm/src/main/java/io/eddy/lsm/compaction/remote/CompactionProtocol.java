package io.eddy.lsm.compaction.remote;

import io.eddy.lsm.compaction.CompactionJob;
import io.eddy.lsm.compaction.CompactionResult;
import io.eddy.lsm.manifest.FileMeta;
import io.eddy.lsm.manifest.Manifest;
import io.eddy.lsm.manifest.VersionEdit;
import io.eddy.lsm.sst.Compression;
import io.eddy.lsm.sst.TableOptions;
import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.ByteSource;
import io.eddy.lsm.util.Checksums;
import io.eddy.lsm.util.CorruptionException;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire format between a store and a compaction worker (docs/format/compaction-protocol.md):
 * one request and one response per TCP connection, each a frame of
 * {@code magic u32, kind u8, length u32, payload, crc32c u32} (big-endian ints). Request
 * payload: token, then the job; response payload: the result, or an error message.
 *
 * <p>Thread safety: stateless.
 */
final class CompactionProtocol {
  static final int MAGIC = 0x45444331; // "EDC1"
  static final int REQUEST = 1;
  static final int OK = 2;
  static final int ERROR = 3;
  static final int UNAUTHORIZED = 4;
  private static final int MAX_FRAME = 64 << 20;

  private CompactionProtocol() {}

  /** One decoded frame. */
  record Frame(int kind, byte[] payload) {}

  static void write(DataOutputStream out, int kind, byte[] payload) throws IOException {
    out.writeInt(MAGIC);
    out.writeByte(kind);
    out.writeInt(payload.length);
    out.write(payload);
    out.writeInt(Checksums.crc32c(payload, 0, payload.length));
    out.flush();
  }

  static Frame read(DataInputStream in) throws IOException {
    if (in.readInt() != MAGIC) {
      throw new CorruptionException("not an eddy compaction protocol frame");
    }
    int kind = in.readUnsignedByte();
    int len = in.readInt();
    if (len < 0 || len > MAX_FRAME) {
      throw new CorruptionException("bad compaction frame length " + len);
    }
    byte[] payload = new byte[len];
    in.readFully(payload);
    if (in.readInt() != Checksums.crc32c(payload, 0, len)) {
      throw new CorruptionException("compaction frame checksum mismatch");
    }
    return new Frame(kind, payload);
  }

  static byte[] encodeRequest(String token, CompactionJob job) {
    ByteSink s = new ByteSink(1024);
    s.putString(token);
    s.putVarint(job.inputs().size());
    for (VersionEdit.LevelFile lf : job.inputs()) {
      s.putVarint(lf.level());
      lf.file().encodeTo(s);
    }
    s.putVarint(job.outputLevel()).putVarint(job.bottommost() ? 1 : 0);
    s.putVarint(job.snapshots().length);
    for (long snap : job.snapshots()) {
      s.putVarint(snap);
    }
    s.putString(job.outputDir()).putVarint(job.firstOutputNumber()).putVarint(job.maxOutputs());
    s.putString(job.mergeOperator()).putString(job.filterName()).putString(job.filterConfig());
    Manifest.putRange(s, job.range());
    TableOptions t = job.table();
    s.putVarint(t.blockSize()).putVarint(t.restartInterval()).putVarint(t.bloomBitsPerKey()).putVarint(t.compression().code);
    s.putVarint(job.targetFileSize());
    return s.toByteArray();
  }

  /** The token and job of a request. */
  record Request(String token, CompactionJob job) {}

  static Request decodeRequest(byte[] payload) {
    ByteSource s = new ByteSource(payload);
    String token = s.string();
    int n = s.varint32();
    List<VersionEdit.LevelFile> inputs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int level = s.varint32();
      inputs.add(new VersionEdit.LevelFile(level, FileMeta.decodeFrom(s)));
    }
    int outputLevel = s.varint32();
    boolean bottommost = s.varint() == 1;
    long[] snapshots = new long[s.varint32()];
    for (int i = 0; i < snapshots.length; i++) {
      snapshots[i] = s.varint();
    }
    String dir = s.string();
    long first = s.varint();
    int max = s.varint32();
    String merge = s.string();
    String filter = s.string();
    String filterConfig = s.string();
    var range = Manifest.getRange(s);
    int blockSize = s.varint32();
    int restart = s.varint32();
    int bloom = s.varint32();
    int code = s.varint32();
    Compression compression = code == Compression.LZ4.code ? Compression.LZ4 : Compression.NONE;
    long target = s.varint();
    CompactionJob job = new CompactionJob(inputs, outputLevel, bottommost, snapshots, dir, first, max, merge, filter, filterConfig, range,
        new TableOptions(blockSize, restart, bloom, compression), target);
    return new Request(token, job);
  }

  static byte[] encodeResult(CompactionResult r) {
    ByteSink s = new ByteSink(256);
    s.putVarint(r.outputs().size());
    for (FileMeta f : r.outputs()) {
      f.encodeTo(s);
    }
    s.putVarint(r.entriesIn()).putVarint(r.entriesOut()).putVarint(r.bytesWritten());
    return s.toByteArray();
  }

  static CompactionResult decodeResult(byte[] payload) {
    ByteSource s = new ByteSource(payload);
    int n = s.varint32();
    List<FileMeta> outputs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      outputs.add(FileMeta.decodeFrom(s));
    }
    return new CompactionResult(outputs, s.varint(), s.varint(), s.varint());
  }
}
