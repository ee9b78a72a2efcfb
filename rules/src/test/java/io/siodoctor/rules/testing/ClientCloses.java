package io.siodoctor.rules.testing;

import static io.siodoctor.rules.testing.HarFixture.document;
import static io.siodoctor.rules.testing.HarFixture.engineIoError;
import static io.siodoctor.rules.testing.HarFixture.get;
import static io.siodoctor.rules.testing.HarFixture.open;
import static io.siodoctor.rules.testing.HarFixture.post;

import java.time.Duration;
import java.time.Instant;

/**
 * Fixture: v4 long-polling sessions whose client writes the Engine.IO close packet ({@code 1}), as
 * engine.io-client does whenever it closes an open polling transport, however the session ends. A
 * page loaded at {@link #t0()} that goes away 200 s later.
 */
public final class ClientCloses {
  public static final String SID = "Lbo5JLzTotvW3g2LAAAA";
  public static final String NEXT = "Xq2m4bB7yTqL0p1wAAAB";
  public static final String POLLING = HealthySessions.ORIGIN + "/socket.io/?EIO=4&transport=polling";

  private final HarFixture har = HarFixture.har().entry(document(HealthySessions.ORIGIN + "/"));
  private final Instant t0 = har.clock();
  private final Instant unload = t0.plusSeconds(200);
  private HarFixture.Entry ping;
  private HarFixture.Entry close;

  public HarFixture har() {
    return har;
  }

  public Instant t0() {
    return t0;
  }

  /**
   * A v4 session on long-polling to its first heartbeat: handshake, CONNECT, the poll held until
   * the PING at 25 s (the last packet from the server), the PONG.
   */
  public HarFixture.Entry firstHeartbeat(String sid, Instant start) {
    HarFixture.Entry ping = get(POLLING + "&t=" + sid.charAt(0) + "4&sid=" + sid).at(start.plusMillis(40))
        .took(24_960).body("2");
    har.entry(get(POLLING + "&t=" + sid.charAt(0) + "1").at(start).body(open(sid)))
        .entry(post(POLLING + "&t=" + sid.charAt(0) + "2&sid=" + sid, "40").body("ok").mime("text/html"))
        .entry(get(POLLING + "&t=" + sid.charAt(0) + "3&sid=" + sid).body("40{\"sid\":\"sio-" + sid + "\"}"))
        .entry(ping)
        .entry(post(POLLING + "&t=" + sid.charAt(0) + "5&sid=" + sid, "3").at(start.plusMillis(25_010)).body("ok")
            .mime("text/html"));
    return ping;
  }

  /** The next poll, held until the page goes away (aborted then). */
  public HarFixture.Entry heldPoll(String sid, Instant start) {
    return get(POLLING + "&t=held&sid=" + sid).at(start).took(Duration.between(start, unload).toMillis())
        .failed("net::ERR_ABORTED");
  }

  /** The POST carrying the client's close packet: failed (no network), refused (the sid unknown) or answered. */
  public HarFixture.Entry closePost(String sid, Instant at, String answer) {
    HarFixture.Entry e = post(POLLING + "&t=close&sid=" + sid, "1").at(at).took(3);
    return switch (answer) {
      case "failed" -> e.failed("net::ERR_INTERNET_DISCONNECTED");
      case "refused" -> e.status(400).mime("application/json").body(engineIoError(1, "Session ID unknown"));
      default -> e.body("ok").mime("text/html");
    };
  }

  /**
   * The session {@link #SID} to its first heartbeat and a held poll, then {@code before} (what went
   * wrong), then the client's close packet at {@code closeAt} answered as {@code answer}; the client
   * reconnects ({@link #NEXT}) 2 s later. {@link #ping()} and {@link #close()} are then the session's
   * last packet from the server and its close.
   */
  public HarFixture closedByTheClient(Instant closeAt, String answer, HarFixture.Entry... before) {
    ping = firstHeartbeat(SID, t0);
    har.entry(heldPoll(SID, t0.plusMillis(25_030)));
    for (HarFixture.Entry e : before) {
      har.entry(e);
    }
    close = closePost(SID, closeAt, answer);
    har.entry(close);
    firstHeartbeat(NEXT, closeAt.plusSeconds(2));
    return har;
  }

  /** The entry carrying the last PING of {@link #SID} ({@link #closedByTheClient}). */
  public HarFixture.Entry ping() {
    return ping;
  }

  /** The entry carrying the close packet of {@link #SID} ({@link #closedByTheClient}). */
  public HarFixture.Entry close() {
    return close;
  }
}
