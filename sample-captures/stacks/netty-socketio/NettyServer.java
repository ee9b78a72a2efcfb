import com.corundumstudio.socketio.AckRequest;
import com.corundumstudio.socketio.AuthorizationListener;
import com.corundumstudio.socketio.Configuration;
import com.corundumstudio.socketio.SocketIOClient;
import com.corundumstudio.socketio.SocketIOServer;
import java.lang.reflect.Proxy;

/**
 * A netty-socketio server as the sample captures record it (compiled against 1.7.x or 2.0.x by
 * build.sh). Environment: PORT, NODE_NAME (a label in app lines), ORIGIN (Configuration.setOrigin;
 * unset: netty-socketio echoes the request's Origin), REJECT_AUTH=1 (the AuthorizationListener
 * refuses every handshake, what a token check does), REUSE_ADDRESS=1 (SocketConfig.setReuseAddress:
 * a restarted process binds the port again while the old one's connections are in TIME_WAIT),
 * MAX_FRAME_PAYLOAD / MAX_HTTP_CONTENT (Configuration.setMaxFramePayloadLength /
 * setMaxHttpContentLength, bytes; unset: netty-socketio's defaults, 64 KiB each), DISCONNECT_AFTER
 * (milliseconds: that long after a client connected, the app calls client.disconnect(), what a
 * session expiry or a "logged in elsewhere" check does), PING_INTERVAL / PING_TIMEOUT
 * (Configuration.setPingInterval / setPingTimeout, milliseconds; unset: 25000 / 60000),
 * WORKER_THREADS (Configuration.setWorkerThreads; unset: netty's default, twice the cores),
 * REPORT_MS (a "report" event whose listener blocks for that long: netty-socketio runs listeners on
 * the netty worker thread of the client's channel, so a blocking call there, a slow query, stalls
 * every channel of that thread). Only the
 * main namespace exists (no addNamespace). An "upload" event is logged with its size.
 * Logs through slf4j-simple (see the -D
 * options in the scenarios), netty-socketio's loggers at debug.
 */
public final class NettyServer {
  private NettyServer() {}

  public static void main(String[] args) throws Exception {
    String node = System.getenv().getOrDefault("NODE_NAME", "server");
    org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("app");
    Configuration config = new Configuration();
    config.setHostname("127.0.0.1");
    config.setPort(Integer.parseInt(System.getenv("PORT")));
    if (System.getenv("ORIGIN") != null) {
      config.setOrigin(System.getenv("ORIGIN"));
    }
    if ("1".equals(System.getenv("REUSE_ADDRESS"))) {
      config.getSocketConfig().setReuseAddress(true);
    }
    if (System.getenv("MAX_FRAME_PAYLOAD") != null) {
      config.setMaxFramePayloadLength(Integer.parseInt(System.getenv("MAX_FRAME_PAYLOAD")));
    }
    if (System.getenv("MAX_HTTP_CONTENT") != null) {
      config.setMaxHttpContentLength(Integer.parseInt(System.getenv("MAX_HTTP_CONTENT")));
    }
    if (System.getenv("PING_INTERVAL") != null) {
      config.setPingInterval(Integer.parseInt(System.getenv("PING_INTERVAL")));
    }
    if (System.getenv("PING_TIMEOUT") != null) {
      config.setPingTimeout(Integer.parseInt(System.getenv("PING_TIMEOUT")));
    }
    if (System.getenv("WORKER_THREADS") != null) {
      config.setWorkerThreads(Integer.parseInt(System.getenv("WORKER_THREADS")));
    }
    if ("1".equals(System.getenv("REJECT_AUTH"))) {
      // 1.7 declares boolean isAuthorized(HandshakeData), 2.0 AuthorizationResult
      // getAuthorizationResult(HandshakeData): one proxy refuses in both
      config.setAuthorizationListener((AuthorizationListener) Proxy.newProxyInstance(
          NettyServer.class.getClassLoader(), new Class<?>[] {AuthorizationListener.class},
          (proxy, method, a) -> {
            log.info("[{}] refusing handshake: no valid token", node);
            if (method.getReturnType() == boolean.class) {
              return false;
            }
            return method.getReturnType().getField("FAILED_AUTHORIZATION").get(null);
          }));
    }
    SocketIOServer server = new SocketIOServer(config);
    long disconnectAfter = Long.parseLong(System.getenv().getOrDefault("DISCONNECT_AFTER", "0"));
    java.util.concurrent.ScheduledExecutorService timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "app-timer");
      t.setDaemon(true);
      return t;
    });
    server.addConnectListener(c -> {
      log.info("[{}] connect {}", node, c.getSessionId());
      if (disconnectAfter > 0) {
        timer.schedule(() -> {
          log.info("[{}] session of {} expired, disconnecting it", node, c.getSessionId());
          c.disconnect();
        }, disconnectAfter, java.util.concurrent.TimeUnit.MILLISECONDS);
      }
    });
    server.addEventListener("upload", String.class, (SocketIOClient c, String data, AckRequest ack) ->
        log.info("[{}] upload of {} chars from {}", node, data.length(), c.getSessionId()));
    server.addDisconnectListener(c -> log.info("[{}] disconnect {}", node, c.getSessionId()));
    long reportMs = Long.parseLong(System.getenv().getOrDefault("REPORT_MS", "0"));
    server.addEventListener("report", String.class, (SocketIOClient c, String data, AckRequest ack) -> {
      log.info("[{}] report for {}: running a {} ms blocking query", node, c.getSessionId(), reportMs);
      Thread.sleep(reportMs);
      log.info("[{}] report for {} done", node, c.getSessionId());
    });
    server.addEventListener("chat", String.class, (SocketIOClient c, String data, AckRequest ack) -> {
      c.sendEvent("chat", "echo " + data);
      if (ack.isAckRequested()) {
        ack.sendAckData("ok");
      }
    });
    server.start();
    Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
    Thread.currentThread().join();
  }
}
