package io.eddy.lsm.sst;

import io.eddy.lsm.util.Checksums;
import io.eddy.lsm.util.Coding;
import io.eddy.lsm.util.CorruptionException;

/**
 * The fixed 52-byte tail of every SST file: handles of the filter, properties and index
 * blocks (offset u64 + size u32 each), format version u32, CRC32C u32 of the preceding 40
 * bytes, magic u64 (all little-endian). See docs/format/sst.md. Immutable.
 */
public record Footer(BlockHandle filter, BlockHandle properties, BlockHandle index, int formatVersion) {
  public static final int SIZE = 52;
  public static final long MAGIC = 0x314D534C59444445L; // "EDDYLSM1" little-endian
  public static final int FORMAT_VERSION = 1;

  byte[] encode() {
    byte[] b = new byte[SIZE];
    int p = 0;
    for (BlockHandle h : new BlockHandle[] {filter, properties, index}) {
      Coding.putLongLE(b, p, h.offset());
      Coding.putIntLE(b, p + 8, h.size());
      p += 12;
    }
    Coding.putIntLE(b, 36, formatVersion);
    Coding.putIntLE(b, 40, Checksums.crc32c(b, 0, 40));
    Coding.putLongLE(b, 44, MAGIC);
    return b;
  }

  static Footer decode(byte[] b, String path) throws CorruptionException {
    if (b.length != SIZE || Coding.getLongLE(b, 44) != MAGIC) {
      throw new CorruptionException("not an eddy SST file (bad magic): " + path);
    }
    if (Coding.getIntLE(b, 40) != Checksums.crc32c(b, 0, 40)) {
      throw new CorruptionException("footer checksum mismatch in " + path);
    }
    int version = Coding.getIntLE(b, 36);
    if (version != FORMAT_VERSION) {
      throw new CorruptionException("unsupported SST format version " + version + " in " + path);
    }
    BlockHandle[] h = new BlockHandle[3];
    for (int i = 0; i < 3; i++) {
      h[i] = new BlockHandle(Coding.getLongLE(b, i * 12), Coding.getIntLE(b, i * 12 + 8));
    }
    return new Footer(h[0], h[1], h[2], version);
  }
}
