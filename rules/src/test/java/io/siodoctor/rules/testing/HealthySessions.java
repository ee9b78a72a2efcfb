package io.siodoctor.rules.testing;

import io.siodoctor.rules.testing.HarFixture.Entry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Healthy Socket.IO sessions as a browser records them, to build negative tests on and to embed a
 * fault into. A v4 session is the textbook one (domain notes §1.3, §1.4): the polling handshake
 * offering {@code websocket}, the {@code 40} CONNECT and its {@code 40{"sid":...}} answer, the
 * WebSocket upgrade with {@code 2probe}/{@code 3probe}/{@code 5}, the {@code 6} noop that ends the
 * last poll, then a server PING {@code 2} answered by a PONG {@code 3} every 25 s. A v3 session
 * (Socket.IO 2.x) has length-prefixed payloads and client-sent pings.
 *
 * <pre>{@code
 * HarFixture har = HealthySessions.har();                       // page load + one v4 session
 * HealthySessions.v4("sidB").pings(2).expectLastFrame().appendTo(har);   // a second one
 * }</pre>
 */
public final class HealthySessions {
  /** Where the page and (by default) the Socket.IO server are. */
  public static final String ORIGIN = "http://localhost:3000";
  public static final String SID = "Lbo5JLzTotvW3g2LAAAA";

  private HealthySessions() {}

  /** A page load followed by one healthy v4 session with an upgrade and three heartbeats. */
  public static HarFixture har() {
    return har(SID);
  }

  public static HarFixture har(String sid) {
    HarFixture har = HarFixture.har();
    har.entry(HarFixture.document(ORIGIN + "/"));
    v4(sid).appendTo(har);
    return har;
  }

  /**
   * Sessions that each end without a word and are replaced by a new handshake {@code gaps[i]}
   * seconds after the previous one (what a browser records when something keeps cutting the
   * connection): {@code gaps.length} dropped sessions, then one that lives on. A dropped session
   * carries the heartbeats that fit before the cut; its WebSocket and last frame (its last sign of
   * life) are marked as evidence when {@code markDrops}.
   *
   * @param session makes the builder of each session from its sid ({@code HealthySessions::v4})
   */
  public static HarFixture reconnecting(
      HarFixture har, Function<String, Builder> session, boolean markDrops, double... gaps) {
    for (int i = 0; i <= gaps.length; i++) {
      Instant start = har.clock();
      Builder b = session.apply(String.format("drop%02dSess0n5xYzAAA", i));
      if (i < gaps.length) {
        // the cut comes one second before the reconnection; heartbeats before it got through
        b.pings((int) Math.max(0, Math.floor((gaps[i] - 1.0 - WS_START) / b.pingEvery)));
        if (markDrops) {
          b.expectDrop();
        }
        b.appendTo(har);
        har.at(start.plusMillis(Math.round(gaps[i] * 1000)));
      } else {
        b.appendTo(har);
      }
    }
    return har;
  }

  /**
   * A polling-only v4 session (pingInterval 25 s) whose long-poll a proxy holds for {@code heldSeconds}
   * and answers 504 Gateway Timeout (what HAProxy's {@code timeout server} or nginx's {@code
   * proxy_read_timeout} below pingInterval does), then the client's next POST refused as naming an
   * unknown session; the clock moves to one second after that POST.
   *
   * @param markCut marks the 504 as evidence the rule must cite
   */
  public static HarFixture heldPollCut(HarFixture har, String sid, double heldSeconds, boolean markCut) {
    String polling = ORIGIN + "/socket.io/?EIO=4&transport=polling&t=";
    har.entry(HarFixture.get(polling + "H" + sid).body(HarFixture.open(sid, "websocket")).took(5));
    har.after(0.01).entry(HarFixture.post(polling + "C&sid=" + sid, "40").body("ok").took(4));
    har.after(0.01).entry(HarFixture.get(polling + "P1&sid=" + sid).body("40{\"sid\":\"ns" + sid + "\"}").took(5));
    Entry held = HarFixture.get(polling + "P2&sid=" + sid).status(504).mime("text/html")
        .body("<html><body><h1>504 Gateway Time-out</h1>\nThe server didn't respond in time.\n</body></html>\n")
        .took(heldSeconds * 1000);
    har.after(0.02).entry(markCut ? held.expectEvidence() : held);
    har.after(heldSeconds + 0.01).entry(HarFixture.post(polling + "X&sid=" + sid, "1").status(400)
        .mime("application/json").body(HarFixture.engineIoError(1, "Session ID unknown")).took(3));
    har.after(1.0);
    return har;
  }

  /** A healthy Socket.IO 3.x/4.x session (Engine.IO revision 4). */
  public static Builder v4(String sid) {
    return new Builder(sid, 4);
  }

  /** A healthy Socket.IO 2.x session (Engine.IO revision 3): length-prefixed payloads, client pings. */
  public static Builder v3(String sid) {
    return new Builder(sid, 3);
  }

  private static final double WS_START = 0.045;

  /** One session to append to a fixture; every option has the healthy default. */
  public static final class Builder {
    private final String sid;
    private final int revision;
    private String server = ORIGIN;
    private String pageOrigin;
    private int pings = 3;
    private double pingEvery = 25;
    private long pingInterval = 25000;
    private long pingTimeout;
    private long maxPayload;
    private boolean expectLastFrame;
    private boolean expectHandshake;
    private boolean expectWebSocket;
    private final List<Frame> extra = new ArrayList<>();

    private Builder(String sid, int revision) {
      this.sid = sid;
      this.revision = revision;
      this.pingTimeout = revision == 4 ? 20000 : 5000;
      this.maxPayload = revision == 4 ? 1000000 : -1;
    }

    /** Where the Socket.IO server is ({@code http://host:port}); the page stays at {@link #ORIGIN}. */
    public Builder server(String url) {
      this.server = url;
      return this;
    }

    /**
     * The page is at another origin: requests carry {@code Origin}/{@code Referer} and the server
     * answers with a correct {@code Access-Control-Allow-Origin} (a healthy cross-origin setup).
     */
    public Builder crossOriginFrom(String origin) {
      this.pageOrigin = origin;
      return this;
    }

    /** How many heartbeats the WebSocket carries, one every {@code pingInterval}. */
    public Builder pings(int n) {
      this.pings = n;
      return this;
    }

    /** The handshake's {@code pingInterval}; heartbeats on the WebSocket follow it. */
    public Builder pingInterval(long ms) {
      this.pingInterval = ms;
      this.pingEvery = ms / 1000.0;
      return this;
    }

    public Builder pingTimeout(long ms) {
      this.pingTimeout = ms;
      return this;
    }

    /** The handshake's {@code maxPayload}; below 0 leaves it out. */
    public Builder maxPayload(long bytes) {
      this.maxPayload = bytes;
      return this;
    }

    /** Another frame on the WebSocket, {@code seconds} after it opened. */
    public Builder frame(String type, double seconds, String data) {
      extra.add(new Frame(type, seconds, data, false));
      return this;
    }

    /** Like {@link #frame} and marks it as evidence the rule must cite. */
    public Builder expectedFrame(String type, double seconds, String data) {
      extra.add(new Frame(type, seconds, data, true));
      return this;
    }

    /** Marks the session's last WebSocket frame (its last sign of life) as evidence. */
    public Builder expectLastFrame() {
      this.expectLastFrame = true;
      return this;
    }

    /**
     * Marks what shows that the session dropped: the WebSocket connection that went away and its
     * last frame.
     */
    public Builder expectDrop() {
      this.expectWebSocket = true;
      this.expectLastFrame = true;
      return this;
    }

    /** Marks the handshake request (the first polling GET) as evidence. */
    public Builder expectHandshake() {
      this.expectHandshake = true;
      return this;
    }

    /** Seconds from the handshake to the session's last frame. */
    public double lastFrameSeconds() {
      return WS_OFFSET + frames().get(frames().size() - 1).seconds;
    }

    /** When the WebSocket opens, after the handshake. */
    private static final double WS_OFFSET = WS_START;

    private String url(String transport, String query) {
      String scheme = transport.equals("websocket") ? server.replaceFirst("^http", "ws") : server;
      return scheme + "/socket.io/?EIO=" + revision + "&transport=" + transport + query;
    }

    private Entry headers(Entry e, boolean post) {
      if (pageOrigin != null) {
        e.requestHeader("Origin", pageOrigin).requestHeader("Referer", pageOrigin + "/")
            .responseHeader("Access-Control-Allow-Origin", pageOrigin)
            .responseHeader("Access-Control-Allow-Credentials", "true");
      } else {
        if (post) {
          e.requestHeader("Origin", ORIGIN); // Chrome sends Origin on every POST
        }
        e.requestHeader("Referer", ORIGIN + "/");
      }
      return e;
    }

    private List<Frame> frames() {
      List<Frame> frames = new ArrayList<>();
      frames.add(new Frame("send", 0.010, "2probe", false));
      frames.add(new Frame("receive", 0.014, "3probe", false));
      frames.add(new Frame("send", 0.020, "5", false));
      for (int i = 1; i <= pings; i++) {
        double t = i * pingEvery;
        if (revision == 4) {
          frames.add(new Frame("receive", t, "2", false)); // the server pings, the client answers
          frames.add(new Frame("send", t + 0.002, "3", false));
        } else {
          frames.add(new Frame("send", t, "2", false)); // v3: the client pings
          frames.add(new Frame("receive", t + 0.002, "3", false));
        }
      }
      frames.addAll(extra);
      frames.sort(Comparator.comparingDouble(Frame::seconds));
      return frames;
    }

    /** Appends the session at the fixture's clock and moves the clock past its last frame. */
    public HarFixture appendTo(HarFixture har) {
      Instant start = har.clock();
      String t = Long.toString(start.toEpochMilli() % 100000, 36);
      Entry handshake = headers(HarFixture.get(url("polling", "&t=" + t + "a")), false);
      if (expectHandshake) {
        handshake.expectEvidence();
      }
      if (revision == 4) {
        har.entry(handshake.body(HarFixture.open(sid, pingInterval, pingTimeout, maxPayload, "websocket")));
        har.entry(headers(HarFixture.post(url("polling", "&t=" + t + "b&sid=" + sid), "40"), true)
            .body("ok").mime("text/html"));
        har.entry(headers(HarFixture.get(url("polling", "&t=" + t + "c&sid=" + sid)), false)
            .body("40{\"sid\":\"sio-" + sid + "\"}"));
      } else {
        har.entry(handshake.body(HarFixture.lengthPrefixed(
                HarFixture.open(sid, pingInterval, pingTimeout, maxPayload, "websocket"), "40")));
      }
      Entry ws = HarFixture.webSocket(url("websocket", "&sid=" + sid))
          .at(start.plusMillis((long) (WS_OFFSET * 1000))).took(9.5);
      if (pageOrigin != null) {
        ws.requestHeader("Origin", pageOrigin);
      } else {
        ws.requestHeader("Origin", ORIGIN);
      }
      List<Frame> frames = frames();
      for (int i = 0; i < frames.size(); i++) {
        Frame f = frames.get(i);
        boolean expected = f.expected || (expectLastFrame && i == frames.size() - 1);
        if (expected) {
          ws.expectedMessage(f.type, f.seconds, f.data);
        } else {
          ws.message(f.type, f.seconds, f.data);
        }
      }
      if (expectWebSocket) {
        ws.expectEvidence();
      }
      har.entry(ws);
      // the poll that was pending during the upgrade is ended with a noop
      har.entry(headers(HarFixture.get(url("polling", "&t=" + t + "d&sid=" + sid)), false)
          .body(revision == 4 ? "6" : HarFixture.lengthPrefixed("6")));
      Instant end = start.plusMillis((long) (lastFrameSeconds() * 1000) + 1);
      if (end.isAfter(har.clock())) {
        har.at(end);
      }
      return har;
    }
  }

  record Frame(String type, double seconds, String data, boolean expected) {}
}
