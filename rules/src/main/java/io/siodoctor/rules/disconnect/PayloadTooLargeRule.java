package io.siodoctor.rules.disconnect;

import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.ProtocolRevision;
import io.siodoctor.parsers.record.CloseReason;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.rules.api.Category;
import io.siodoctor.rules.api.Cause;
import io.siodoctor.rules.api.Evidence;
import io.siodoctor.rules.api.Finding;
import io.siodoctor.rules.api.Incident;
import io.siodoctor.rules.api.ProxySetting;
import io.siodoctor.rules.api.Reads;
import io.siodoctor.rules.api.Rule;
import io.siodoctor.rules.api.Session;
import io.siodoctor.rules.api.Severity;
import io.siodoctor.rules.api.WebSocketConnection;
import io.siodoctor.rules.signals.AccessLines;
import io.siodoctor.rules.signals.NetErrors;
import io.siodoctor.rules.signals.ServerStacks;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A message above the server's limit: a polling POST answered 413 (engine.io 6.2+ or a proxy's
 * body limit), reset (engine.io before 6.2), or answered 400 with the generic bad-request error
 * while its body is above the limit (python-engineio refuses a {@code Content-Length} above {@code
 * max_http_buffer_size} with {@code 400 "Bad Request"} and closes the session); or a WebSocket frame
 * larger than the handshake's {@code maxPayload} right before the connection died (ws closes with
 * 1009, which HARs do not show).
 *
 * <p>A server whose handshake announces no {@code maxPayload} (engine.io before 6.2, netty-socketio,
 * python-engineio) may have a limit as small as 64 KiB (netty-socketio's default {@code
 * maxFramePayloadLength} and {@code maxHttpContentLength}): there a larger message counts only with
 * the connection's end right behind it, a POST the server dropped without an answer, or a frame
 * after which nothing came and the client opened a new session.
 */
@Cause(
    id = "payload-too-large",
    title = "A message exceeded the server's maxHttpBufferSize",
    severity = Severity.ERROR,
    category = Category.GETS_DISCONNECTED,
    docs = "https://socket.io/docs/v4/server-options/#maxhttpbuffersize",
    subsumes = {"network-interruption", "heartbeat-timeout", "polling-only-config", "bad-request"},
    settings = {ProxySetting.PAYLOAD_SIZE})
@Reads(
    records = {HttpExchange.class, WsFrame.class, LogLine.class},
    events = {LogEvent.CLOSED, LogEvent.HTTP_ACCESS, LogEvent.PAYLOAD_TOO_LARGE, LogEvent.TRANSPORT_ERROR})
public final class PayloadTooLargeRule implements Rule {
  /**
   * engine.io's default maxHttpBufferSize since 4.0 / 3.6 (Socket.IO 3.x and 2.5+), and
   * python-engineio 4.x's default max_http_buffer_size, which its handshake announces only since
   * 4.11.
   */
  static final long DEFAULT_LIMIT_V4 = 1_000_000;
  /** engine.io 1.2-3.5's default: 10E7 bytes. */
  static final long DEFAULT_LIMIT_V3 = 100_000_000;
  /**
   * The smallest default among servers that announce no limit: netty-socketio's {@code
   * maxFramePayloadLength} and {@code maxHttpContentLength} (64 KiB), which close the connection
   * without an answer.
   */
  static final long SMALLEST_UNANNOUNCED_LIMIT = 65_536;
  /**
   * How soon after a refused frame the client's new session shows the old one died (the client's
   * first reconnection delay is 0.5-1.5 s by default, plus the close).
   */
  private static final Duration RECONNECT_WINDOW = Duration.ofSeconds(10);

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    long biggest = 0;
    long limitSeen = -1;
    // whether every piece of evidence rests on the 64 KiB a server that announces no limit may have
    boolean inferredOnly = true;
    boolean python = false;
    for (HttpExchange x : incident.engineIoExchanges()) {
      if (!"POST".equalsIgnoreCase(x.method())) {
        continue;
      }
      boolean refused = x.status() == 413;
      boolean reset = x.failed() && NetErrors.dropped(x.error());
      boolean badRequest = x.status() == 400 && x.engineIoError() != null
          && x.engineIoError().code() == EngineIoError.BAD_REQUEST;
      if (!refused && !reset && !badRequest) {
        continue; // the limit (a session look-up) only matters for a refused or reset POST
      }
      long announced = announcedLimit(incident, x.sid().orElse(null));
      long limit = announced > 0 ? announced : defaultLimit(x.engineIo().revision());
      boolean resetOnHugeBody = reset && x.requestBodySize() > limit;
      // a 400 says "too large" only for a body above the limit: the same answer is given to a
      // packet python-engineio cannot decode
      boolean badRequestOnHugeBody = badRequest && x.requestBodySize() > limit;
      // no limit announced: a body above the smallest default that the server's side dropped
      // without an answer (not the user's network going away)
      boolean droppedAboveUnannounced = reset && announced <= 0 && x.requestBodySize() > SMALLEST_UNANNOUNCED_LIMIT
          && NetErrors.where(x.error()) == NetErrors.Place.AFTER_ANSWER;
      if (droppedAboveUnannounced && !resetOnHugeBody) {
        limit = SMALLEST_UNANNOUNCED_LIMIT;
      }
      if (refused || resetOnHugeBody || badRequestOnHugeBody || droppedAboveUnannounced) {
        inferredOnly &= !refused && !resetOnHugeBody && !badRequestOnHugeBody;
        python |= badRequestOnHugeBody;
        String note = String.format(Locale.ROOT, "POST of %,d bytes", x.requestBodySize());
        evidence.add(Evidence.of(x, badRequestOnHugeBody ? note + String.format(Locale.ROOT,
            ", above the limit of %,d: answered 400 Bad Request (python-engineio's refusal)", limit) : note));
        x.sid().ifPresent(sids::add);
        biggest = Math.max(biggest, x.requestBodySize());
        limitSeen = limit;
      }
    }
    for (WebSocketConnection ws : incident.webSockets()) {
      long announced = announcedLimit(incident, ws.sid());
      long limit = announced > 0 ? announced : defaultLimit(ws.request().engineIo() == null
          ? ProtocolRevision.EIO4 : ws.request().engineIo().revision());
      List<WsFrame> frames = ws.frames();
      for (int i = 0; i < frames.size(); i++) {
        WsFrame f = frames.get(i);
        if (!f.sent() || !nothingReceivedAfter(frames, i)) {
          continue;
        }
        String note = null;
        if (f.size() > limit) {
          inferredOnly = false;
          note = String.format(Locale.ROOT,
              "frame of %,d characters, limit %,d bytes; nothing was received after it", f.size(), limit);
        } else if (announced <= 0 && f.size() > SMALLEST_UNANNOUNCED_LIMIT && newSessionSoonAfter(incident, ws.sid(), f)) {
          limit = SMALLEST_UNANNOUNCED_LIMIT;
          note = String.format(Locale.ROOT, "frame of %,d characters; the handshake announced no limit"
              + " (netty-socketio's default is %,d bytes); nothing was received after it and the client"
              + " opened a new session", f.size(), limit);
        }
        if (note != null) {
          evidence.add(Evidence.of(f, note));
          if (ws.sid() != null) {
            sids.add(ws.sid());
          }
          biggest = Math.max(biggest, f.size());
          limitSeen = limit;
          serverSideError(incident, f).ifPresent(l -> evidence.add(Evidence.of(l,
              "the server's transport failed right after the large frame")));
        }
      }
    }
    for (LogLine l : incident.logLines(LogEvent.PAYLOAD_TOO_LARGE)) {
      evidence.add(Evidence.of(l));
      inferredOnly = false;
    }
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 413)) {
      if (l.access().engineIo() != null) {
        evidence.add(Evidence.of(l));
        inferredOnly = false;
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    String fix = ServerStacks.nettySocketIo(incident) ? nettyFix(biggest) : String.format(Locale.ROOT,
        "Raise the limit above the largest message (%,d bytes seen) on the server:%n%n```js%n"
            + "const io = new Server(httpServer, { maxHttpBufferSize: %s });%n```%n"
            + "or send large data another way (HTTP upload, chunks). If the upload takes longer than"
            + " `pingTimeout`, raise `pingTimeout` too. Behind nginx, `client_max_body_size` must also allow it."
            + " netty-socketio: `config.setMaxFramePayloadLength(%s); config.setMaxHttpContentLength(%s);`"
            + " (both 64 KiB by default).",
        biggest, biggest > 0 ? suggestedLimit(biggest) : "1e8", nettyLimit(biggest), nettyLimit(biggest));
    if (python) {
      fix += String.format(Locale.ROOT, "%n%nWith python-socketio: `socketio.AsyncServer(max_http_buffer_size=%s)`"
          + " (or `socketio.Server(...)`).", biggest > 0 ? suggestedLimit(biggest).replace("1e", "10**") : "10**8");
    }
    return Optional.of(Finding.of(inferredOnly ? 0.75 : 0.9, evidence).withSessions(sids)
        .withDetail(inferredOnly
            ? String.format(Locale.ROOT, "no limit announced; above %,d bytes, netty-socketio's default", limitSeen)
            : limitSeen > 0 ? String.format(Locale.ROOT, "limit %,d bytes", limitSeen) : null)
        .withFix(fix));
  }

  /** The fix in netty-socketio's settings, first, when the server is netty-socketio; Node's after it. */
  private static String nettyFix(long biggest) {
    return String.format(Locale.ROOT,
        "Raise netty-socketio's limits above the largest message (%,d bytes seen; both are 64 KiB by default):"
            + "%n%n```java%nconfig.setMaxFramePayloadLength(%s);   // WebSocket frames%n"
            + "config.setMaxHttpContentLength(%s);     // polling POST bodies%n```%n"
            + "or send large data another way (HTTP upload, chunks). Behind nginx, `client_max_body_size` must"
            + " also allow it. A Node.js server's setting is `new Server(httpServer, { maxHttpBufferSize: %s })`.",
        biggest, nettyLimit(biggest), nettyLimit(biggest), biggest > 0 ? suggestedLimit(biggest) : "1e8");
  }

  private static String suggestedLimit(long biggest) {
    long limit = 1;
    while (limit < biggest * 2) {
      limit *= 10;
    }
    return "1e" + (Long.toString(limit).length() - 1);
  }

  /** A server log's transport error within seconds after the frame (ws refuses it with 1009). */
  private static Optional<LogLine> serverSideError(Incident incident, WsFrame frame) {
    if (frame.time() == null) {
      return Optional.empty();
    }
    List<LogLine> candidates = new ArrayList<>(incident.logLines(LogEvent.TRANSPORT_ERROR));
    candidates.addAll(incident.logLines(LogEvent.CLOSED));
    for (LogLine l : candidates) {
      boolean transportError = l.is(LogEvent.TRANSPORT_ERROR) || l.closedFor(CloseReason.TRANSPORT_ERROR);
      if (transportError && l.time() != null && !l.time().isBefore(frame.time().minusSeconds(2))
          && l.time().isBefore(frame.time().plusSeconds(5))) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }

  private static boolean nothingReceivedAfter(List<WsFrame> frames, int index) {
    for (int j = index + 1; j < frames.size(); j++) {
      if (frames.get(j).received()) {
        return false;
      }
    }
    return true;
  }

  /** A limit for netty-socketio's int settings: twice the message in whole MiB, at least 1 MiB. */
  private static String nettyLimit(long biggest) {
    long mib = Math.min(2047, Math.max(1, (biggest * 2 + (1L << 20) - 1) >> 20));
    return mib + " * 1024 * 1024";
  }

  /** Whether the client opened another session within seconds after the frame (the old one died). */
  private static boolean newSessionSoonAfter(Incident incident, String sid, WsFrame frame) {
    if (frame.time() == null) {
      return false;
    }
    Instant until = frame.time().plus(RECONNECT_WINDOW);
    for (Session s : incident.sessions()) {
      Instant opened = s.opened();
      if (!s.sid().equals(sid) && opened != null && opened.isAfter(frame.time()) && opened.isBefore(until)) {
        return true;
      }
    }
    return false;
  }

  /** The session's announced maxPayload, or -1 when its handshake is unknown or announces none. */
  private static long announcedLimit(Incident incident, String sid) {
    if (sid != null) {
      Optional<Session> s = incident.session(sid);
      if (s.isPresent() && s.get().handshake().isPresent() && s.get().handshake().get().maxPayload() > 0) {
        return s.get().handshake().get().maxPayload();
      }
    }
    return -1;
  }

  /** engine.io's default of the protocol revision, for a session whose limit is not announced. */
  private static long defaultLimit(ProtocolRevision revision) {
    return revision == ProtocolRevision.EIO4 ? DEFAULT_LIMIT_V4 : DEFAULT_LIMIT_V3;
  }
}
