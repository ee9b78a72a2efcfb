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

  @Override
  public Optional<Finding> check(Incident incident) {
    List<Evidence> evidence = new ArrayList<>();
    Set<String> sids = new LinkedHashSet<>();
    long biggest = 0;
    long limitSeen = -1;
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
      long limit = limit(incident, x.sid().orElse(null), x.engineIo().revision());
      // a 400 or a reset says "too large" only for a body above the limit: the same answers are
      // given to a bad packet or a dropped connection
      boolean hugeBody = x.requestBodySize() > limit;
      if (refused || hugeBody) {
        python |= badRequest;
        String note = String.format(Locale.ROOT, "POST of %,d bytes", x.requestBodySize());
        evidence.add(Evidence.of(x, badRequest ? note + String.format(Locale.ROOT,
            ", above the limit of %,d: answered 400 Bad Request (python-engineio's refusal)", limit) : note));
        x.sid().ifPresent(sids::add);
        biggest = Math.max(biggest, x.requestBodySize());
        limitSeen = limit;
      }
    }
    for (WebSocketConnection ws : incident.webSockets()) {
      long limit = limit(incident, ws.sid(), ws.request().engineIo() == null
          ? ProtocolRevision.EIO4 : ws.request().engineIo().revision());
      List<WsFrame> frames = ws.frames();
      for (int i = 0; i < frames.size(); i++) {
        WsFrame f = frames.get(i);
        if (f.sent() && f.size() > limit && nothingReceivedAfter(frames, i)) {
          evidence.add(Evidence.of(f, String.format(Locale.ROOT,
              "frame of %,d characters, limit %,d bytes; nothing was received after it", f.size(), limit)));
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
    incident.logLines(LogEvent.PAYLOAD_TOO_LARGE).forEach(l -> evidence.add(Evidence.of(l)));
    for (LogLine l : AccessLines.of(incident).withStatus(s -> s == 413)) {
      if (l.access().engineIo() != null) {
        evidence.add(Evidence.of(l));
      }
    }
    if (evidence.isEmpty()) {
      return Optional.empty();
    }
    String fix = String.format(Locale.ROOT,
        "Raise the limit above the largest message (%,d bytes seen) on the server:%n%n```js%n"
            + "const io = new Server(httpServer, { maxHttpBufferSize: %s });%n```%n"
            + "or send large data another way (HTTP upload, chunks). If the upload takes longer than"
            + " `pingTimeout`, raise `pingTimeout` too. Behind nginx, `client_max_body_size` must also allow it.",
        biggest, biggest > 0 ? suggestedLimit(biggest) : "1e8");
    if (python) {
      fix += String.format(Locale.ROOT, "%n%nWith python-socketio: `socketio.AsyncServer(max_http_buffer_size=%s)`"
          + " (or `socketio.Server(...)`).", biggest > 0 ? suggestedLimit(biggest).replace("1e", "10**") : "10**8");
    }
    return Optional.of(Finding.of(0.9, evidence).withSessions(sids)
        .withDetail(limitSeen > 0 ? String.format(Locale.ROOT, "limit %,d bytes", limitSeen) : null)
        .withFix(fix));
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

  /** The session's announced maxPayload, else the default of its protocol revision. */
  private static long limit(Incident incident, String sid, ProtocolRevision revision) {
    if (sid != null) {
      Optional<Session> s = incident.session(sid);
      if (s.isPresent() && s.get().handshake().isPresent() && s.get().handshake().get().maxPayload() > 0) {
        return s.get().handshake().get().maxPayload();
      }
    }
    return revision == ProtocolRevision.EIO4 ? DEFAULT_LIMIT_V4 : DEFAULT_LIMIT_V3;
  }
}
