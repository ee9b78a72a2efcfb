package io.siodoctor.parsers.record;

/** The log formats sio-doctor recognises by content. */
public enum LogFormat {
  /** engine.io / socket.io {@code debug} output, TTY or not, server or Node client. */
  ENGINE_IO_DEBUG("engineio-debug"),
  NGINX_ACCESS("nginx-access"),
  NGINX_ERROR("nginx-error"),
  HAPROXY("haproxy"),
  AWS_ALB("aws-alb"),
  /** Squid's native access log: a forward proxy on the user's side. */
  SQUID_ACCESS("squid-access"),
  /** Apache httpd access log: combined + {@code %D} or {@code %T}. */
  APACHE_ACCESS("apache-access"),
  /** Apache httpd 2.4 error log ({@code [time] [module:level] [pid ...] ... AHnnnnn: ...}). */
  APACHE_ERROR("apache-error"),
  /** Caddy 2 JSON access log ({@code "logger":"http.log.access..."}). */
  CADDY_ACCESS("caddy-access"),
  /** Traefik access log, default Common Log Format. */
  TRAEFIK_ACCESS("traefik-access"),
  /** Envoy access log, default format. */
  ENVOY_ACCESS("envoy-access"),
  /** Heroku router lines ({@code heroku[router]: at=... method=... path=... status=...}). */
  HEROKU_ROUTER("heroku-router"),
  /** JSON lines from pino, winston, bunyan and similar loggers. */
  JSON_LINES("json"),
  /** Python python-socketio / Flask-SocketIO and Java netty-socketio logs. */
  PYTHON_SOCKETIO("python-socketio"),
  NETTY_SOCKETIO("netty-socketio"),
  /** The Java client's logs (io.socket:socket.io-client / engine.io-client, java.util.logging). */
  JAVA_CLIENT("socketio-java-client"),
  /** A browser console export (Chrome "Save as..."). */
  BROWSER_CONSOLE("browser-console"),
  /** Any other line with a timestamp. */
  GENERIC("generic");

  private final String id;

  LogFormat(String id) {
    this.id = id;
  }

  /** The name used in {@code inputs[].format} and in the index. */
  public String id() {
    return id;
  }
}
