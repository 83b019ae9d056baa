package io.eddy.fs.s3;

import io.eddy.fs.FileOutput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one new S3 object: buffers up to one part in memory; a file that fits in one part
 * is published by a single PutObject at {@link #close()}, a larger one by a multipart upload
 * started when the first part is full, its parts uploaded (on the writing thread) as they
 * fill and the upload completed at close. {@link #abort()} and any failure abort the upload,
 * so nothing becomes visible. Both final requests carry {@code If-None-Match: *}: a key
 * published by someone else meanwhile fails with {@link FileAlreadyExistsException}.
 *
 * <p>Memory: one buffer of at most the part size per open output, grown as written.
 * At most {@value #MAX_PARTS} parts, so files up to 10,000 times the part size.
 *
 * <p>Thread safety: confined to one thread at a time, like any output stream.
 */
final class S3Output extends FileOutput {
  static final int MAX_PARTS = 10_000;
  private static final int INITIAL_BUFFER = 64 << 10;
  private static final String ONLY_IF_ABSENT = "*";

  private final S3Client client;
  private final S3Location at;
  private final int partSize;
  private byte[] buffer;
  private int buffered;
  private long position;
  private String uploadId;
  private final List<CompletedPart> parts = new ArrayList<>();
  private IOException failure;
  private boolean done;

  S3Output(S3Client client, S3Location at, int partSize) {
    this.client = client;
    this.at = at;
    this.partSize = partSize;
    this.buffer = new byte[Math.min(partSize, INITIAL_BUFFER)];
  }

  @Override
  public String path() {
    return at.uri();
  }

  @Override
  public long position() {
    return position;
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (failure != null) {
      throw new IOException("earlier failure writing " + at.uri(), failure);
    }
    if (done) {
      throw new IOException("output already closed: " + at.uri());
    }
    while (len > 0) {
      if (buffered == buffer.length) {
        makeRoom();
      }
      int n = Math.min(len, buffer.length - buffered);
      System.arraycopy(b, off, buffer, buffered, n);
      buffered += n;
      off += n;
      len -= n;
      position += n;
    }
  }

  /** Grows the buffer, or uploads it as a part once it holds a whole part and more is coming. */
  private void makeRoom() throws IOException {
    if (buffer.length < partSize) {
      buffer = Arrays.copyOf(buffer, (int) Math.min(partSize, 2L * buffer.length));
      return;
    }
    try {
      uploadPart();
    } catch (IOException e) {
      fail(e);
      throw e;
    }
  }

  private void uploadPart() throws IOException {
    if (parts.size() == MAX_PARTS) {
      throw new IOException(at.uri() + " needs more than " + MAX_PARTS + " parts of " + partSize
          + " bytes; raise " + S3Settings.PART_SIZE);
    }
    int number = parts.size() + 1;
    try {
      if (uploadId == null) {
        uploadId = client.createMultipartUpload(r -> r.bucket(at.bucket()).key(at.key())).uploadId();
      }
      String eTag = client.uploadPart(
          r -> r.bucket(at.bucket()).key(at.key()).uploadId(uploadId).partNumber(number), body()).eTag();
      parts.add(CompletedPart.builder().partNumber(number).eTag(eTag).build());
      buffered = 0;
    } catch (SdkException e) {
      throw S3Errors.failure("upload part " + number + " of", at, e);
    }
  }

  /** The buffered bytes as a request body that replays from the start on every retry. */
  private RequestBody body() {
    byte[] bytes = buffer;
    int length = buffered;
    return RequestBody.fromContentProvider(
        () -> new ByteArrayInputStream(bytes, 0, length), length, "application/octet-stream");
  }

  @Override
  public void abort() {
    if (done) {
      return;
    }
    done = true;
    buffer = null;
    abortUpload();
  }

  @Override
  public void close() throws IOException {
    if (done) {
      return;
    }
    done = true;
    if (failure != null) {
      throw new IOException("not published after an earlier failure: " + at.uri(), failure);
    }
    try {
      if (uploadId == null) {
        putWhole();
      } else {
        uploadPart();
        completeUpload();
      }
    } catch (IOException e) {
      fail(e);
      throw e;
    } finally {
      buffer = null;
    }
  }

  private void putWhole() throws IOException {
    try {
      client.putObject(r -> r.bucket(at.bucket()).key(at.key()).ifNoneMatch(ONLY_IF_ABSENT), body());
    } catch (SdkException e) {
      throw publishFailure("put", e);
    }
  }

  private void completeUpload() throws IOException {
    try {
      client.completeMultipartUpload(r -> r.bucket(at.bucket()).key(at.key()).uploadId(uploadId)
          .ifNoneMatch(ONLY_IF_ABSENT).multipartUpload(m -> m.parts(parts)));
    } catch (SdkException e) {
      throw publishFailure("complete upload of", e);
    }
  }

  private IOException publishFailure(String operation, SdkException e) {
    if (S3Errors.status(e) == S3Errors.PRECONDITION_FAILED) {
      FileAlreadyExistsException exists =
          new FileAlreadyExistsException(at.uri(), null, "published by another writer meanwhile");
      exists.initCause(e);
      return exists;
    }
    return S3Errors.failure(operation, at, e);
  }

  private void fail(IOException e) {
    failure = e;
    abortUpload();
  }

  /** Best effort: an upload left behind is invisible, and a bucket lifecycle rule reaps it. */
  private void abortUpload() {
    if (uploadId == null) {
      return;
    }
    String id = uploadId;
    uploadId = null;
    try {
      client.abortMultipartUpload(r -> r.bucket(at.bucket()).key(at.key()).uploadId(id));
    } catch (SdkException ignored) {
      // nothing was published; the failure that matters is the one already reported
    }
  }
}
