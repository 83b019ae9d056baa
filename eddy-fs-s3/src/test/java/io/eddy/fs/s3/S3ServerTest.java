package io.eddy.fs.s3;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the tests that need a server: one {@link S3ProxyServer} per test class, started and
 * stopped around it, and a fresh bucket per test so tests never see each other's objects.
 */
@Timeout(60)
abstract class S3ServerTest {
  static S3ProxyServer server;
  String bucket;

  @BeforeAll
  static void startServer() throws Exception {
    server = S3ProxyServer.start();
  }

  @AfterAll
  static void stopServer() throws Exception {
    server.stop();
  }

  @BeforeEach
  void newBucket() {
    bucket = server.newBucket();
  }
}
