package io.eddy.fs.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * The test server's storage with faults on demand: the next n calls of an operation fail with
 * a chosen HTTP status and S3 error code, which s3proxy sends as a real error response (so the
 * client's retry strategy sees exactly what S3 would send, e.g. 503 SlowDown).
 *
 * <p>Thread safety: thread-safe.
 */
final class FlakyBlobStore extends ForwardingBlobStore {
  /** The S3 operations faults can be injected into. */
  enum Op { HEAD, GET, PUT, UPLOAD_PART, COMPLETE, LIST }

  private final Map<Op, AtomicInteger> pending = new EnumMap<>(Op.class);
  private final AtomicInteger served = new AtomicInteger();
  private volatile int status;
  private volatile String errorCode;

  FlakyBlobStore(BlobStore delegate) {
    super(delegate);
    for (Op op : Op.values()) {
      pending.put(op, new AtomicInteger());
    }
  }

  /** The next {@code count} calls of {@code op} fail with this status and error code. */
  void failNext(Op op, int count, int status, String errorCode) {
    this.status = status;
    this.errorCode = errorCode;
    pending.get(op).set(count);
  }

  /** Faults injected so far; and clears what is still pending. */
  int servedAndReset() {
    pending.values().forEach(n -> n.set(0));
    return served.getAndSet(0);
  }

  /**
   * Reads the request body before failing, as Jetty otherwise drops the connection under the
   * client's feet and the next attempt meets a broken pipe instead of the server.
   */
  private void maybeFail(Op op, InputStream body) {
    if (pending.get(op).get() > 0) {
      try {
        body.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    maybeFail(op);
  }

  private void maybeFail(Op op) {
    if (pending.get(op).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      served.incrementAndGet();
      throw S3Exception.builder()
          .statusCode(status)
          .awsErrorDetails(AwsErrorDetails.builder().errorCode(errorCode).errorMessage("injected by the test").build())
          .build();
    }
  }

  @Override
  public HeadObjectResponse blobMetadata(HeadObjectRequest request) {
    maybeFail(Op.HEAD);
    return super.blobMetadata(request);
  }

  @Override
  public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
    maybeFail(Op.GET);
    return super.getBlob(request);
  }

  @Override
  public PutObjectResponse putBlob(PutObjectRequest request, InputStream content) {
    maybeFail(Op.PUT, content);
    return super.putBlob(request, content);
  }

  @Override
  public UploadPartResponse uploadMultipartPart(MultipartUpload upload, UploadPartRequest request, InputStream in) {
    maybeFail(Op.UPLOAD_PART, in);
    return super.uploadMultipartPart(upload, request, in);
  }

  @Override
  public CompleteMultipartUploadResponse completeMultipartUpload(
      MultipartUpload upload, CompleteMultipartUploadRequest request) {
    maybeFail(Op.COMPLETE);
    return super.completeMultipartUpload(upload, request);
  }

  @Override
  public ListObjectsV2Response list(ListObjectsV2Request request) {
    maybeFail(Op.LIST);
    return super.list(request);
  }
}
