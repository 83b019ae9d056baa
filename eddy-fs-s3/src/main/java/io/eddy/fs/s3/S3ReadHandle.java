package io.eddy.fs.s3;

import io.eddy.fs.ReadHandle;
import java.io.IOException;
import java.io.InputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Positional reads of one S3 object, one ranged GET ({@code Range: bytes=a-b}) per read. The
 * size and ETag come from the HeadObject done at open; every GET carries
 * {@code If-Match: <etag>}, so a key deleted and written anew after the open fails loudly
 * instead of mixing two files' bytes.
 *
 * <p>The SDK retries a GET that fails before its body arrives; a body cut off midway fails
 * the read with an {@link IOException}.
 *
 * <p>Thread safety: thread-safe; it keeps no position and the SDK client is shared.
 */
final class S3ReadHandle implements ReadHandle {
  private final S3Client client;
  private final S3Location at;
  private final long size;
  private final String eTag;

  S3ReadHandle(S3Client client, S3Location at, long size, String eTag) {
    this.client = client;
    this.at = at;
    this.size = size;
    this.eTag = eTag;
  }

  @Override
  public String path() {
    return at.uri();
  }

  @Override
  public long size() {
    return size;
  }

  @Override
  public void readFully(long position, byte[] dst, int offset, int length) throws IOException {
    ReadHandle.checkRange(at.uri(), position, length, size);
    if (length == 0) {
      return;
    }
    String range = "bytes=" + position + "-" + (position + length - 1);
    try (InputStream in = client.getObject(r -> r.bucket(at.bucket()).key(at.key()).range(range).ifMatch(eTag))) {
      int n = in.readNBytes(dst, offset, length);
      if (n < length) {
        throw new IOException("short read of " + at.uri() + " " + range + ": " + n + " of " + length + " bytes");
      }
    } catch (SdkException e) {
      if (S3Errors.status(e) == S3Errors.PRECONDITION_FAILED) {
        throw new IOException(at.uri() + " was replaced since it was opened (ETag " + eTag + ")", e);
      }
      throw S3Errors.translate("read " + range + " of", at, e);
    }
  }

  /** Nothing to release: each read uses a pooled connection of the shared client. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "S3ReadHandle[" + at.uri() + ", " + size + " bytes]";
  }
}
