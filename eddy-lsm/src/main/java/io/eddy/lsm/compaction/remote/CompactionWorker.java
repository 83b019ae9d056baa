package io.eddy.lsm.compaction.remote;

import io.eddy.fs.FileSystem;
import io.eddy.lsm.compaction.CompactionResult;
import io.eddy.lsm.compaction.CompactionRunner;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A compaction server: accepts one job per connection, checks the shared token, runs the
 * job with {@link CompactionRunner} against its FileSystem (the same one the store uses)
 * and answers with the outputs. It never touches manifests: installing is the store's
 * decision. Outputs of a failed job are deleted before the error is returned.
 *
 * <p>Thread safety: thread-safe; each connection runs on its own thread.
 */
public final class CompactionWorker implements AutoCloseable {
  private final FileSystem fs;
  private final byte[] token;
  private final ServerSocket server;
  private final ExecutorService jobs = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "eddy-compaction-job");
    t.setDaemon(true);
    return t;
  });
  private final PrintStream log;

  /** Binds {@code host:port} (port 0 picks a free one). */
  public CompactionWorker(FileSystem fs, String token, String host, int port, PrintStream log) throws IOException {
    this.fs = fs;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.log = log;
    this.server = new ServerSocket();
    server.bind(new InetSocketAddress(host, port));
  }

  public int port() {
    return server.getLocalPort();
  }

  public String host() {
    return server.getInetAddress().getHostAddress();
  }

  /** Accepts connections until closed. */
  public void serve() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        jobs.execute(() -> handle(socket));
      } catch (IOException e) {
        if (!server.isClosed()) {
          log.println("accept failed: " + e);
        }
      }
    }
  }

  private void handle(Socket socket) {
    try (socket) {
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      CompactionProtocol.Frame frame = CompactionProtocol.read(in);
      CompactionProtocol.Request request;
      try {
        request = CompactionProtocol.decodeRequest(frame.payload());
      } catch (IllegalStateException | IllegalArgumentException e) {
        CompactionProtocol.write(out, CompactionProtocol.ERROR, ("malformed request: " + e.getMessage()).getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (frame.kind() != CompactionProtocol.REQUEST
          || !MessageDigest.isEqual(token, request.token().getBytes(StandardCharsets.UTF_8))) {
        log.println("refused a job from " + socket.getRemoteSocketAddress() + ": bad token");
        CompactionProtocol.write(out, CompactionProtocol.UNAUTHORIZED, new byte[0]);
        return;
      }
      log.println("job started: " + request.job());
      try {
        CompactionResult result = CompactionRunner.run(request.job(), fs);
        CompactionProtocol.write(out, CompactionProtocol.OK, CompactionProtocol.encodeResult(result));
        log.println("job done: " + result.outputs().size() + " outputs, " + result.bytesWritten() + " bytes");
      } catch (IOException | RuntimeException e) {
        log.println("job failed: " + e);
        CompactionProtocol.write(out, CompactionProtocol.ERROR, String.valueOf(e).getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      log.println("connection failed: " + e);
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    jobs.shutdownNow();
  }
}
