package io.siodoctor.rules.signals;

import java.util.Optional;

/**
 * Non-browser Socket.IO clients recognised by their User-Agent in access logs, for the seed's
 * compatibility tables (Java and Swift clients have their own version lines).
 */
public final class ClientVersions {
  private ClientVersions() {}

  public static Optional<String> describe(String userAgent) {
    if (userAgent == null || userAgent.isEmpty() || userAgent.equals("-")) {
      return Optional.empty();
    }
    String ua = userAgent.toLowerCase(java.util.Locale.ROOT);
    if (ua.startsWith("okhttp")) {
      return Optional.of("the Java client (OkHttp " + userAgent + ")");
    }
    if (ua.contains("socket.io-client-swift") || ua.contains("starscream") || ua.contains("cfnetwork")) {
      return Optional.of("the Swift client (" + userAgent + ")");
    }
    if (ua.startsWith("python-requests") || ua.contains("python-socketio") || ua.startsWith("python/")) {
      return Optional.of("a Python client (" + userAgent + ")");
    }
    if (ua.startsWith("node") || ua.contains("node-xmlhttprequest") || ua.startsWith("undici")) {
      return Optional.of("a Node.js client (" + userAgent + ")");
    }
    return Optional.of("a client (" + userAgent + ")");
  }
}
