package io.eddy.runtime.checkpoint;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.CRC32C;

/** Counts and checksums (CRC32C) every byte on its way to the underlying stream. */
final class ChecksummedOutput extends FilterOutputStream {
  private final CRC32C crc = new CRC32C();
  private long position;

  ChecksummedOutput(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    crc.update(b);
    position++;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    out.write(b, off, len);
    crc.update(b, off, len);
    position += len;
  }

  long position() {
    return position;
  }

  int checksum() {
    return (int) crc.getValue();
  }
}
