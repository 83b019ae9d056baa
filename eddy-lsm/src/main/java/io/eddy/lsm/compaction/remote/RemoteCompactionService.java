package io.eddy.lsm.compaction.remote;

import io.eddy.lsm.compaction.CompactionJob;
import io.eddy.lsm.compaction.CompactionResult;
import io.eddy.lsm.compaction.CompactionService;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends compactions to a {@link CompactionWorker} over TCP and returns its answer. Any
 * failure (connection refused, worker died, wrong token, timeout, malformed reply) is an
 * {@link IOException}; the store then deletes the reserved outputs and compacts locally.
 *
 * <p>Thread safety: thread-safe; one connection per job.
 */
public final class RemoteCompactionService implements CompactionService {
  private final String host;
  private final int port;
  private final String token;
  private final int timeoutMillis;

  /**
   * @param timeoutMillis bound on connecting and on waiting for the answer
   */
  public RemoteCompactionService(String host, int port, String token, int timeoutMillis) {
    this.host = host;
    this.port = port;
    this.token = token;
    this.timeoutMillis = timeoutMillis;
  }

  @Override
  public CompactionResult compact(CompactionJob job) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMillis);
      socket.setSoTimeout(timeoutMillis);
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream()));
      DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
      CompactionProtocol.write(out, CompactionProtocol.REQUEST, CompactionProtocol.encodeRequest(token, job));
      CompactionProtocol.Frame reply = CompactionProtocol.read(in);
      return switch (reply.kind()) {
        case CompactionProtocol.OK -> CompactionProtocol.decodeResult(reply.payload());
        case CompactionProtocol.UNAUTHORIZED -> throw new IOException("compaction worker " + describe() + " refused the token");
        case CompactionProtocol.ERROR ->
            throw new IOException("compaction worker " + describe() + " failed: " + new String(reply.payload(), StandardCharsets.UTF_8));
        default -> throw new IOException("unexpected reply kind " + reply.kind() + " from " + describe());
      };
    } catch (IllegalStateException | IllegalArgumentException e) {
      throw new IOException("malformed reply from compaction worker " + describe() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String describe() {
    return "remote " + host + ":" + port;
  }
}
