package io.siodoctor.parsers.record;

import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.PacketDecoder;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import java.io.Serializable;

/**
 * What a log line states beyond its {@link LogEvent}: the event's argument, decided once by the
 * recogniser of the line's producer and typed where a rule compares it (a close reason, a protocol
 * revision, the open packet), so that no rule reads log text. Facts that rules only show stay the
 * producer's own words in a {@link Detail}.
 *
 * <p>{@link #text()} is the fact as the producer wrote it (what the timeline and evidence show);
 * it is never something to compare: compare the typed components.
 */
public sealed interface LogFact extends Serializable {

  /** The line states nothing beyond its event. */
  None NONE = new None();

  /** The fact as the log wrote it, or null when the line names none. */
  String text();

  /** {@link #NONE} for null text, else a {@link Detail}: the producer's words, shown and never compared. */
  static LogFact detail(String text) {
    return text == null ? NONE : new Detail(text);
  }

  /** Nothing beyond the event (use {@link #NONE}). */
  record None() implements LogFact {
    @Override
    public String text() {
      return null;
    }
  }

  /**
   * The event's argument in the producer's words (an errno text, a proxy's response flags, a
   * server's error message): evidence to show, never a fact a rule compares.
   */
  record Detail(String text) implements LogFact {}

  /** {@link LogEvent#CLOSED}: a session or socket closed, for {@code reason}. */
  record SessionClosed(CloseReason reason, String text) implements LogFact {
    /** The close a library logged with {@code text} as its reason; {@link #NONE} when it named none. */
    public static LogFact of(String text) {
      return text == null ? NONE : new SessionClosed(CloseReason.of(text), text);
    }

    /** A close a recogniser maps onto engine.io's vocabulary, in engine.io's words. */
    public static SessionClosed because(CloseReason reason) {
      return new SessionClosed(reason, reason.words());
    }
  }

  /**
   * {@link LogEvent#OPEN_SENT} (engine.io) or {@link LogEvent#HANDSHAKE} (python-engineio, which
   * logs the sid and the open packet on one line): the open packet, decoded once.
   *
   * @param handshake what the server announced, or null when the packet's JSON did not decode
   * @param text the open packet's JSON
   */
  record HandshakeSent(Handshake handshake, String text) implements LogFact {
    /** The open packet {@code json}, decoded; {@link #NONE} for null. */
    public static LogFact of(String json) {
      if (json == null) {
        return NONE;
      }
      Handshake h = json.startsWith("{")
          ? PacketDecoder.parseHandshake(new EngineIoPacket(EngineIoPacket.Type.OPEN, json, false, null))
          : null;
      return new HandshakeSent(h, json);
    }
  }

  /**
   * {@link LogEvent#PAYLOAD_WRITTEN}: the protocol revision the written payload's framing proves
   * ({@link ProtocolRevision#EIO3} for length prefixes, {@link ProtocolRevision#EIO4} for record
   * separators).
   */
  record PayloadWritten(ProtocolRevision revision) implements LogFact {
    @Override
    public String text() {
      return revision.name();
    }
  }

  /**
   * A Socket.IO CONNECT packet a server wrote or received, as the log shows it ({@code 0},
   * {@code 0{"sid":"…"}}, {@code 0/admin,}), decoded on demand by the one Socket.IO decoder.
   *
   * @param raw the Socket.IO packet, without the Engine.IO message type before it
   */
  record ConnectPacket(String raw) implements LogFact {
    /** The packet, decoded by the one Socket.IO decoder. */
    public SocketIoPacket packet() {
      return PacketDecoder.decodeSocketIo(raw);
    }

    @Override
    public String text() {
      return raw;
    }
  }

  /**
   * {@link LogEvent#CONNECT_ERROR_SENT} where the log shows the Socket.IO packet itself
   * (python-engineio logs the data of every message it sends): the CONNECT_ERROR, kept as written
   * and decoded on demand, so that rules read its namespace and payload form as they read a HAR's.
   *
   * @param raw the Socket.IO packet ({@code 4/admin,"Unable to connect"})
   */
  record ConnectErrorSent(String raw) implements LogFact {
    /** The packet, decoded by the one Socket.IO decoder. */
    public SocketIoPacket packet() {
      return PacketDecoder.decodeSocketIo(raw);
    }

    /** The error message the packet carries (what the client's {@code connect_error} shows), or null. */
    @Override
    public String text() {
      return packet().errorMessage();
    }
  }

  /** {@link LogEvent#NAMESPACE_DENIED}: the namespace the server refused to create. */
  record NamespaceRefused(String namespace) implements LogFact {
    @Override
    public String text() {
      return namespace;
    }
  }

  /**
   * {@link LogEvent#CSP_BLOCKED} (the URL the page's policy blocked) and {@link
   * LogEvent#WRONG_PATH} (the URL the server refused outside its Socket.IO path).
   */
  record BlockedUrl(String url) implements LogFact {
    @Override
    public String text() {
      return url;
    }
  }

  /** {@link LogEvent#ORIGIN_NOT_ACCEPTED}: the {@code Origin} the server refused. */
  record OriginRefused(String origin) implements LogFact {
    @Override
    public String text() {
      return origin;
    }
  }

  /** {@link LogEvent#RESOURCE_EXHAUSTED}: the error the process ran into. */
  record ResourceExhausted(ExhaustedResource resource) implements LogFact {
    @Override
    public String text() {
      return resource.name();
    }
  }

  /**
   * {@link LogEvent#NETWORK_ERROR} ({@code net::ERR_*}) and {@link LogEvent#WEBSOCKET_FAILED} (the
   * browser's failure text): the browser's network error, in the vocabulary a HAR's {@code _error}
   * shares (the one classifier of both is the rules' {@code NetErrors}).
   *
   * @param text the error ({@code net::ERR_CONNECTION_REFUSED}, a WebSocket's failure text), or
   *     null when the line names none
   * @param url the URL of the request that failed, or null when the line names none
   */
  record NetworkError(String text, String url) implements LogFact {
    /**
     * The status a refused WebSocket handshake got, as Chromium's failure text names it
     * ({@link WebSocketFailures}), or -1.
     */
    public int handshakeStatus() {
      return WebSocketFailures.handshakeStatus(text);
    }
  }

  /**
   * {@link LogEvent#CORS_BLOCKED}: the browser refused a cross-origin answer.
   *
   * @param text the browser's reason, or null
   * @param url the URL the line names first (the request, or where a redirect led), or null
   * @param redirectedFrom for a redirected request ({@code (redirected from '<url>')}), the URL the
   *     page asked for; otherwise null
   */
  record CorsRefused(String text, String url, String redirectedFrom) implements LogFact {}

  /**
   * A proxy's system error ({@code 104: Connection reset by peer}), as nginx writes it and as
   * Apache's {@code (104)Connection reset by peer} reads in the same form.
   *
   * @param number the errno
   */
  record Errno(int number, String text) implements LogFact {
    /** The peer reset the connection (Linux {@code ECONNRESET}). */
    public static final int ECONNRESET = 104;

    /** {@code "<number>: <words>"} as an errno; any other text as a {@link Detail}; {@link #NONE} for null. */
    public static LogFact of(String text) {
      if (text == null) {
        return NONE;
      }
      int colon = text.indexOf(':');
      if (colon <= 0 || colon > 9) {
        return new Detail(text);
      }
      for (int i = 0; i < colon; i++) {
        if (text.charAt(i) < '0' || text.charAt(i) > '9') {
          return new Detail(text);
        }
      }
      return new Errno(Integer.parseInt(text.substring(0, colon)), text);
    }
  }

  /** {@link LogEvent#CLIENT_CONNECT_ERROR}: why a client's connection attempt failed. */
  record ConnectFailed(ConnectFailure failure, String text) implements LogFact {
    /** The client's connect timeout ran out. */
    public static final ConnectFailed TIMED_OUT = new ConnectFailed(ConnectFailure.TIMEOUT, "timeout");
    /** The Java client found a Socket.IO v2 server. */
    public static final ConnectFailed SERVER_IS_V2 = new ConnectFailed(ConnectFailure.SERVER_IS_V2, "v2 server");

    /** A failure the client described in {@code text}; {@link #NONE} for null. */
    public static LogFact of(String text) {
      return text == null ? NONE : new ConnectFailed(ConnectFailure.OTHER, text);
    }
  }

  /**
   * {@link LogEvent#UPGRADE_INCOMPLETE}: the client did not finish the WebSocket upgrade.
   *
   * @param upgradeTimedOut the server closed the probe transport after its {@code upgradeTimeout}
   *     ({@code closing transport}), as opposed to the client leaving ({@code socket closed})
   */
  record UpgradeAbandoned(boolean upgradeTimedOut, String text) implements LogFact {
    /**
     * engine.io's and netty-socketio's {@code client did not complete upgrade - <text>}: {@code
     * closing transport} is the upgrade timeout; {@link #NONE} for null.
     */
    public static LogFact of(String text) {
      return text == null ? NONE : new UpgradeAbandoned(text.startsWith("closing transport"), text);
    }
  }

  /**
   * An access-log line of a forward proxy (Squid): its result code ({@code TCP_MISS}, {@code
   * TCP_DENIED}, ...).
   */
  record ProxyResult(String text) implements LogFact {
    /** Squid refused the request by its access rules. */
    public boolean denied() {
      return "TCP_DENIED".equals(text);
    }
  }
}
