package io.eddy.lsm.sst;

import io.eddy.lsm.util.ByteSink;
import io.eddy.lsm.util.ByteSource;
import io.eddy.lsm.util.CorruptionException;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * Block compression codes as stored in each block trailer's type byte. A block is stored
 * uncompressed when compression saves less than 1/8. Thread-safe (LZ4 instances are).
 */
public enum Compression {
  NONE(0),
  LZ4(1);

  private static final LZ4Compressor COMPRESSOR = LZ4Factory.fastestInstance().fastCompressor();
  private static final LZ4FastDecompressor DECOMPRESSOR = LZ4Factory.fastestInstance().fastDecompressor();

  /** The type byte in block trailers. */
  public final int code;

  Compression(int code) {
    this.code = code;
  }

  /**
   * Encodes {@code raw[0, len)} into {@code out}; returns the type code actually used.
   * LZ4 payloads are a varint of the raw length followed by the LZ4 block.
   */
  int encode(byte[] raw, int len, ByteSink out) {
    if (this == LZ4) {
      int max = COMPRESSOR.maxCompressedLength(len);
      byte[] tmp = new byte[max];
      int n = COMPRESSOR.compress(raw, 0, len, tmp, 0, max);
      if (n < len - len / 8) {
        out.putVarint(len).put(tmp, 0, n);
        return LZ4.code;
      }
    }
    out.put(raw, 0, len);
    return NONE.code;
  }

  /**
   * Decodes a payload of the given type code; {@code path} and {@code offset} name the block in
   * errors only (a compaction decodes thousands of blocks a second: no message is built for them).
   */
  static byte[] decode(int code, byte[] buf, int off, int len, String path, long offset) throws CorruptionException {
    if (code == NONE.code) {
      byte[] out = new byte[len];
      System.arraycopy(buf, off, out, 0, len);
      return out;
    }
    if (code != LZ4.code) {
      throw new CorruptionException("unknown compression type " + code + " in " + path + " at offset " + offset);
    }
    try {
      ByteSource src = new ByteSource(buf, off, off + len);
      int rawLen = src.varint32();
      int headerLen = io.eddy.lsm.util.Coding.varintLength(rawLen);
      byte[] out = new byte[rawLen];
      int read = DECOMPRESSOR.decompress(buf, off + headerLen, out, 0, rawLen);
      if (read != len - headerLen) {
        throw new CorruptionException("lz4 length mismatch in " + path + " at offset " + offset);
      }
      return out;
    } catch (LZ4Exception | IllegalStateException e) {
      throw new CorruptionException("bad lz4 block in " + path + " at offset " + offset + ": " + e.getMessage(), e);
    }
  }
}
