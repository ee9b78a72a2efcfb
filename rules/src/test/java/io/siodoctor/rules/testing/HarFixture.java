package io.siodoctor.rules.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny HAR written by a test, named as a fixture (never a capture): Chrome-shaped entries with
 * the fields the parser reads. Entries marked {@link Entry#expectEvidence()} are the places a rule
 * must cite; every other entry must stay silent.
 */
public final class HarFixture {
  private static final ObjectMapper JSON = new ObjectMapper();
  public static final String SEP = "\u001e";

  private final List<Entry> entries = new ArrayList<>();
  private Instant clock = Instant.parse("2026-11-25T10:00:00Z");
  private String pageUrl = "http://localhost:3000/";
  private String creator = "HarFixture";

  public static HarFixture har() {
    return new HarFixture();
  }

  /**
   * The {@code log.creator.name} written, which names the exporter: "WebKit Web Inspector" makes the
   * fixture read as Safari's export (which leaves out failed requests and WebSocket messages).
   */
  public HarFixture creator(String name) {
    this.creator = name;
    return this;
  }

  public HarFixture page(String url) {
    this.pageUrl = url;
    return this;
  }

  public HarFixture entry(Entry e) {
    if (e.time == null) {
      e.time = clock;
    }
    clock = e.time.plusMillis(Math.max(1, (long) e.durationMs) + 5);
    entries.add(e);
    return this;
  }

  /** The fixture's clock: when the next entry without an explicit time starts. */
  public Instant clock() {
    return clock;
  }

  /** Sets the fixture's clock (never backwards by accident: callers pass a later instant). */
  public HarFixture at(Instant t) {
    clock = t;
    return this;
  }

  /** Moves the fixture's clock forward (time between requests). */
  public HarFixture after(double seconds) {
    clock = clock.plusMillis((long) (seconds * 1000));
    return this;
  }

  public List<String> expectedLocations() {
    List<String> locations = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      Entry e = entries.get(i);
      if (e.expected) {
        locations.add("entries[" + i + "]");
      }
      for (int j = 0; j < e.messages.size(); j++) {
        if (e.messages.get(j).expected) {
          locations.add("entries[" + i + "]._webSocketMessages[" + j + "]");
        }
      }
    }
    return locations;
  }

  public String json() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode log = root.putObject("log");
    log.put("version", "1.2");
    log.putObject("creator").put("name", creator).put("version", "1");
    ArrayNode out = log.putArray("entries");
    for (Entry e : entries) {
      out.add(e.toJson());
    }
    return root.toString();
  }

  /** The page load ({@code _resourceType} document) that a browser capture starts with. */
  public static Entry document(String url) {
    Entry e = new Entry("GET", url);
    e.resourceType = "document";
    e.mimeType = "text/html";
    e.responseBody = "<!doctype html><html><head><title>fixture</title></head><body></body></html>";
    return e;
  }

  public static Entry get(String url) {
    return new Entry("GET", url);
  }

  public static Entry post(String url, String body) {
    Entry e = new Entry("POST", url);
    e.requestBody = body;
    return e;
  }

  public static Entry webSocket(String url) {
    Entry e = new Entry("GET", url);
    e.status = 101;
    e.resourceType = "websocket";
    return e;
  }

  /** A v4 open packet with the given sid and upgrades (engine.io 6 defaults). */
  public static String open(String sid, String... upgrades) {
    return open(sid, 25000, 20000, 1000000, upgrades);
  }

  /** An open packet; {@code maxPayload} below 0 leaves it out (engine.io before 6.2, v2 servers). */
  public static String open(String sid, long pingInterval, long pingTimeout, long maxPayload, String... upgrades) {
    StringBuilder u = new StringBuilder();
    for (String s : upgrades) {
      u.append(u.length() == 0 ? "" : ",").append('"').append(s).append('"');
    }
    return "0{\"sid\":\"" + sid + "\",\"upgrades\":[" + u + "],\"pingInterval\":" + pingInterval
        + ",\"pingTimeout\":" + pingTimeout + (maxPayload < 0 ? "" : ",\"maxPayload\":" + maxPayload) + "}";
  }

  /** A revision 4 polling payload: packets joined by the record separator. */
  public static String payload(String... packets) {
    return String.join(SEP, packets);
  }

  /** A revision 2/3 polling payload: every packet prefixed with its length ({@code 2:40}). */
  public static String lengthPrefixed(String... packets) {
    StringBuilder sb = new StringBuilder();
    for (String p : packets) {
      sb.append(p.length()).append(':').append(p);
    }
    return sb.toString();
  }

  /** engine.io's JSON error body, {@code {"code":N,"message":"..."}}. */
  public static String engineIoError(int code, String message) {
    return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
  }

  /** One request/response of the fixture. */
  public static final class Entry {
    final String method;
    final String url;
    Instant time;
    double durationMs = 12.5;
    int status = 200;
    String responseBody = "";
    String mimeType = "text/plain; charset=UTF-8";
    String requestBody;
    String error;
    String resourceType = "xhr";
    /** Firefox's shape of a failed request: status 0, no error field, timings with this {@code ssl}; -1: Chrome's. */
    double firefoxSsl = -1;
    /** Firefox's shape of a request the browser blocked before sending it: status 0, time 0, empty timings. */
    boolean firefoxBlocked;
    final List<String[]> requestHeaders = new ArrayList<>();
    final List<String[]> responseHeaders = new ArrayList<>();
    final List<Message> messages = new ArrayList<>();
    boolean expected;

    Entry(String method, String url) {
      this.method = method;
      this.url = url;
    }

    public Entry status(int s) {
      status = s;
      return this;
    }

    public Entry body(String b) {
      responseBody = b;
      return this;
    }

    public Entry mime(String m) {
      mimeType = m;
      return this;
    }

    public Entry failed(String chromeError) {
      status = 0;
      error = chromeError;
      responseBody = "";
      return this;
    }

    /**
     * Firefox's HAR of a request that got no answer: status 0, no error field, no headers, and its
     * timings: {@code ssl} ms in the TLS handshake, then no wait and nothing received.
     */
    public Entry firefoxNoAnswer(double sslMs) {
      status = 0;
      error = null;
      responseBody = "";
      firefoxSsl = sslMs;
      durationMs = sslMs + 3;
      return this;
    }

    /**
     * Firefox's HAR of a request the page's own rules blocked before it was sent (a CSP or
     * mixed-content block): status 0, time 0, no error field, an empty {@code timings} object.
     */
    public Entry firefoxBlocked() {
      status = 0;
      error = null;
      responseBody = "";
      durationMs = 0;
      firefoxBlocked = true;
      return this;
    }

    /** Chrome's {@code _error} with the status left as it is (CORS failures keep status 200). */
    public Entry error(String chromeError) {
      error = chromeError;
      return this;
    }

    public Entry at(Instant t) {
      time = t;
      return this;
    }

    public Entry took(double ms) {
      durationMs = ms;
      return this;
    }

    public Entry resourceType(String t) {
      resourceType = t;
      return this;
    }

    public Entry requestHeader(String name, String value) {
      requestHeaders.add(new String[] {name, value});
      return this;
    }

    public Entry responseHeader(String name, String value) {
      responseHeaders.add(new String[] {name, value});
      return this;
    }

    /** A WebSocket message {@code seconds} after the entry started; {@code send} or {@code receive}. */
    public Entry message(String type, double seconds, String data) {
      messages.add(new Message(type, seconds, data, false));
      return this;
    }

    /** Like {@link #message} and marks the message as evidence the rule must cite. */
    public Entry expectedMessage(String type, double seconds, String data) {
      messages.add(new Message(type, seconds, data, true));
      return this;
    }

    public Entry expectEvidence() {
      expected = true;
      return this;
    }

    ObjectNode toJson() {
      ObjectNode e = JSON.createObjectNode();
      e.put("startedDateTime", time.toString());
      e.put("time", durationMs);
      e.put("_resourceType", resourceType);
      ObjectNode req = e.putObject("request");
      req.put("method", method);
      req.put("url", url);
      req.put("httpVersion", "HTTP/1.1");
      ArrayNode rh = req.putArray("headers");
      for (String[] h : requestHeaders) {
        rh.addObject().put("name", h[0]).put("value", h[1]);
      }
      req.putArray("queryString");
      req.putArray("cookies");
      req.put("headersSize", -1);
      req.put("bodySize", requestBody == null ? 0 : requestBody.length());
      if (requestBody != null) {
        req.putObject("postData").put("mimeType", "text/plain;charset=UTF-8").put("text", requestBody);
      }
      ObjectNode res = e.putObject("response");
      res.put("status", status);
      res.put("statusText", "");
      res.put("httpVersion", "HTTP/1.1");
      ArrayNode sh = res.putArray("headers");
      for (String[] h : responseHeaders) {
        sh.addObject().put("name", h[0]).put("value", h[1]);
      }
      res.putArray("cookies");
      res.putObject("content").put("size", responseBody.length()).put("mimeType", mimeType).put("text", responseBody);
      res.put("redirectURL", "");
      res.put("headersSize", -1);
      res.put("bodySize", -1);
      if (error != null) {
        res.put("_error", error);
      }
      e.putObject("cache");
      if (firefoxBlocked) {
        e.putObject("timings");
      } else if (firefoxSsl >= 0) {
        e.putObject("timings").put("blocked", 2).put("dns", 1).put("connect", 0).put("ssl", firefoxSsl)
            .put("send", 0).put("wait", 0).put("receive", 0);
      } else {
        e.putObject("timings").put("blocked", -1).put("send", 0.1).put("wait", durationMs).put("receive", 0.1);
      }
      if (!messages.isEmpty()) {
        ArrayNode ms = e.putArray("_webSocketMessages");
        double start = time.toEpochMilli() / 1000.0;
        for (Message m : messages) {
          // Chrome writes its own errors ("Error during WebSocket handshake: ...") with opcode -1
          int opcode = "error".equals(m.type) ? -1 : 1;
          ms.addObject().put("type", m.type).put("time", start + m.seconds).put("opcode", opcode).put("data", m.data);
        }
      }
      return e;
    }
  }

  record Message(String type, double seconds, String data, boolean expected) {}
}
