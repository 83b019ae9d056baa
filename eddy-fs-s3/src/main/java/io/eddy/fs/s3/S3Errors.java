package io.eddy.fs.s3;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK exceptions into the {@link io.eddy.fs.FileSystem} error contract: a missing object
 * or bucket is a {@link NoSuchFileException}, anything else an {@link IOException} naming the
 * operation and the {@code s3://} path. Messages are built from the error code, status and
 * request id only, never from request headers, so credentials cannot leak into them.
 * Stateless.
 */
final class S3Errors {
  static final int NOT_FOUND = 404;
  static final int PRECONDITION_FAILED = 412;

  private S3Errors() {}

  /** The HTTP status of a service error, or 0 for client-side failures (network, timeouts). */
  static int status(SdkException e) {
    return e instanceof AwsServiceException s ? s.statusCode() : 0;
  }

  /** The exception to throw for {@code e}, raised while doing {@code operation} on {@code at}. */
  static IOException translate(String operation, S3Location at, SdkException e) {
    if (status(e) == NOT_FOUND) {
      NoSuchFileException missing = new NoSuchFileException(at.uri(), null, describe(e));
      missing.initCause(e);
      return missing;
    }
    return failure(operation, at, e);
  }

  /** As {@link #translate} but never a {@link NoSuchFileException}: for operations on directories. */
  static IOException failure(String operation, S3Location at, SdkException e) {
    return new IOException(operation + " " + at.uri() + " failed: " + describe(e), e);
  }

  /** A one-line description: error code, status and request id for service errors. */
  static String describe(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return s.awsErrorDetails().errorCode() + " (HTTP " + s.statusCode() + ", request " + s.requestId() + "): "
          + s.awsErrorDetails().errorMessage();
    }
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
