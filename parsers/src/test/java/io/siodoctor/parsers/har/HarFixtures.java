package io.siodoctor.parsers.har;

/**
 * Small HARs written the way each exporter writes them, trimmed to what the tests look at. JSON
 * escapes inside bodies are doubled ({@code \\"}) because these are Java text blocks.
 */
final class HarFixtures {
  private HarFixtures() {}

  /**
   * Chrome DevTools: a v4 polling handshake (fractional time, -1 timings, {@code _initiator}), the
   * CONNECT POST, then the WebSocket upgrade whose {@code _webSocketMessages} come before {@code
   * request}, as Chrome orders its members.
   */
  static final String CHROME_WEBSOCKET = """
      {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"}, "pages": [],
       "entries": [
        {"_initiator": {"type": "script", "stack": {"callFrames": [{"functionName": "open", "scriptId": "12",
           "url": "https://app.example/socket.io.js", "lineNumber": 1, "columnNumber": 2}]}},
         "_priority": "High", "_resourceType": "xhr", "cache": {}, "connection": "443",
         "request": {"method": "GET", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=N8hyd6w",
           "httpVersion": "HTTP/1.1", "headers": [{"name": "Accept", "value": "*/*"}],
           "queryString": [{"name": "EIO", "value": "4"}], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
           "headers": [{"name": "Content-Type", "value": "text/plain; charset=UTF-8"}], "cookies": [],
           "content": {"size": 118, "mimeType": "text/plain",
             "text": "0{\\"sid\\":\\"Lbo5JLzTotvW3g2LAAAA\\",\\"upgrades\\":[\\"websocket\\"],\\"pingInterval\\":25000,\\"pingTimeout\\":20000,\\"maxPayload\\":1000000}"},
           "redirectURL": "", "headersSize": -1, "bodySize": -1, "_transferSize": 300, "_error": null},
         "serverIPAddress": "127.0.0.1", "startedDateTime": "2026-11-25T10:00:00.120Z", "time": 12.345,
         "timings": {"blocked": 1.123, "dns": -1, "ssl": -1, "connect": -1, "send": 0.1, "wait": 10.2,
           "receive": 0.922, "_blocked_queueing": 0.5}},
        {"_resourceType": "xhr", "cache": {},
         "request": {"method": "POST", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=N8hyd7a&sid=Lbo5JLzTotvW3g2LAAAA",
           "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 2,
           "postData": {"mimeType": "text/plain;charset=UTF-8", "text": "40"}},
         "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/1.1",
           "headers": [{"name": "Content-Type", "value": "text/html"}], "cookies": [],
           "content": {"size": 2, "mimeType": "text/html", "text": "ok"}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
         "startedDateTime": "2026-11-25T10:00:00.140Z", "time": 3.5,
         "timings": {"blocked": -1, "dns": -1, "ssl": -1, "connect": -1, "send": 0.5, "wait": 2.5, "receive": 0.5}},
        {"_resourceType": "websocket",
         "_webSocketMessages": [
          {"type": "send", "time": 1795600801.5, "opcode": 1, "data": "2probe"},
          {"type": "receive", "time": 1795600801.501234, "opcode": 1, "data": "3probe"},
          {"type": "send", "time": 1795600801.502, "opcode": 1, "data": "5"},
          {"type": "receive", "time": 1795600826.5, "opcode": 1, "data": "2"},
          {"type": "send", "time": 1795600826.51, "opcode": 1, "data": "3"},
          {"type": "receive", "time": 1795600827.0, "opcode": 1, "data": "42[\\"news\\",{\\"hello\\":\\"world\\"}]"},
          {"type": "receive", "time": 1795600827.1, "opcode": 2, "data": "AQIDBA=="},
          {"type": "error", "time": 1795600830.0, "opcode": -1, "data": "net::ERR_CONNECTION_RESET"}
         ],
         "cache": {}, "connection": "443",
         "request": {"method": "GET", "url": "wss://app.example/socket.io/?EIO=4&transport=websocket&sid=Lbo5JLzTotvW3g2LAAAA",
           "httpVersion": "HTTP/1.1", "headers": [{"name": "Upgrade", "value": "websocket"}], "queryString": [],
           "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 101, "statusText": "Switching Protocols", "httpVersion": "HTTP/1.1",
           "headers": [{"name": "Upgrade", "value": "websocket"}], "cookies": [],
           "content": {"size": 0, "mimeType": "x-unknown"}, "redirectURL": "", "headersSize": -1, "bodySize": 0},
         "startedDateTime": "2026-11-25T10:00:01.000Z", "time": 0.85,
         "timings": {"blocked": 0.2, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0.65, "receive": 0}}
       ]}}
      """;

  /**
   * Failures: Chrome's refused connection ({@code _error}), Playwright's reset ({@code
   * _failureText}, status -1), a long-poll still pending at export ({@code _error: null}), and an
   * engine.io 400 for an unknown sid.
   */
  static final String FAILURES = """
      {"log": {"version": "1.2", "creator": {"name": "WebInspector", "version": "537.36"},
       "entries": [
        {"cache": {}, "request": {"method": "GET", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=a1",
           "httpVersion": "", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "cookies": [],
           "content": {"size": 0, "mimeType": "x-unknown"}, "redirectURL": "", "headersSize": -1, "bodySize": -1,
           "_transferSize": 0, "_error": "net::ERR_CONNECTION_REFUSED"},
         "startedDateTime": "2026-11-25T10:00:00.000Z", "time": 2.1,
         "timings": {"blocked": 2.1, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0}},
        {"cache": {}, "request": {"method": "GET", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=a2",
           "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": -1, "statusText": "", "httpVersion": "HTTP/1.1", "headers": [], "cookies": [],
           "content": {"size": -1, "mimeType": "x-unknown"}, "redirectURL": "", "headersSize": -1, "bodySize": -1,
           "_failureText": "net::ERR_CONNECTION_RESET"},
         "startedDateTime": "2026-11-25T10:00:01.000Z", "time": 5,
         "timings": {"send": -1, "wait": -1, "receive": -1}},
        {"cache": {}, "request": {"method": "GET", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=a3&sid=Lbo5JLzTotvW3g2LAAAA",
           "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 0, "statusText": "", "httpVersion": "", "headers": [], "cookies": [],
           "content": {"size": 0, "mimeType": ""}, "redirectURL": "", "headersSize": -1, "bodySize": -1, "_error": null},
         "startedDateTime": "2026-11-25T10:00:02.000Z", "time": 20000.5,
         "timings": {"blocked": 20000.5, "dns": -1, "ssl": -1, "connect": -1, "send": 0, "wait": 0, "receive": 0}},
        {"cache": {}, "request": {"method": "GET", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=a4&sid=gone",
           "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 400, "statusText": "Bad Request", "httpVersion": "HTTP/1.1",
           "headers": [{"name": "Content-Type", "value": "application/json"}], "cookies": [],
           "content": {"size": 40, "mimeType": "application/json", "text": "{\\"code\\":1,\\"message\\":\\"Session ID unknown\\"}"},
           "redirectURL": "", "headersSize": -1, "bodySize": -1},
         "startedDateTime": "2026-11-25T10:00:03.000Z", "time": 1.5,
         "timings": {"send": 0, "wait": 1.5, "receive": 0}}
       ]}}
      """;

  /** Safari: empty startedDateTime when it has no date, {@code cache: {}}, timings of -1. */
  static final String SAFARI_EMPTY_DATES = """
      {"log": {"version": "1.2", "creator": {"name": "WebKit Web Inspector", "version": "18.0"},
       "pages": [{"startedDateTime": "", "id": "page_0", "title": "app", "pageTimings": {}}],
       "entries": [
        {"pageref": "page_0", "startedDateTime": "", "time": 0, "cache": {},
         "request": {"method": "GET", "url": "https://app.example/", "httpVersion": "", "cookies": [{"name": "a", "value": "b"}],
           "headers": [], "queryString": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 200, "statusText": "OK", "httpVersion": "", "cookies": [], "headers": [],
           "content": {"size": 0, "mimeType": "text/html"}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
         "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0, "wait": 0, "receive": 0},
         "_fetchType": "Network Load"},
        {"pageref": "page_0", "startedDateTime": "", "time": 0, "cache": {},
         "request": {"method": "GET", "url": "https://app.example/app.js", "httpVersion": "", "cookies": [],
           "headers": [], "queryString": [], "headersSize": -1, "bodySize": 0},
         "response": {"status": 200, "statusText": "OK", "httpVersion": "", "cookies": [], "headers": [],
           "content": {"size": 0, "mimeType": "text/javascript"}, "redirectURL": "", "headersSize": -1, "bodySize": -1},
         "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0, "wait": 0, "receive": 0}}
       ]}}
      """;

  /**
   * Charles: RFC 1123 cookie dates, a {@code NaN-...} date from another tool, the status as a
   * string, and no {@code cache} or {@code timings}.
   */
  static final String CHARLES_COOKIE_DATES = """
      {"log": {"version": "1.2", "creator": {"name": "Charles Proxy", "version": "4.6.4"},
       "entries": [
        {"startedDateTime": "2020-05-01T10:07:30.000+00:00", "time": 41,
         "request": {"method": "GET", "url": "https://app.example/socket.io/?EIO=3&transport=polling&t=M1",
           "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "headersSize": 10, "bodySize": 0,
           "cookies": [{"name": "io", "value": "x", "expires": "Fri, 08-May-2020 10:07:30 GMT"}]},
         "response": {"status": "200", "statusText": "OK", "httpVersion": "HTTP/1.1", "headers": [],
           "cookies": [{"name": "io", "value": "x", "expires": "NaN-NaN-NaNTNaN:NaN:NaN.NaN+NaN:NaN"}],
           "content": {"size": 12, "mimeType": "text/plain; charset=UTF-8", "text": "1:6"},
           "redirectURL": "", "headersSize": 10, "bodySize": 3}}
       ]}}
      """;

  /**
   * Durations: a missing {@code time} rebuilt from the timings that are not -1, a {@code time} with
   * every timing -1, and an entry with neither.
   */
  static final String MINUS_ONE_TIMINGS = """
      {"log": {"version": "1.2", "creator": {"name": "x", "version": "1"},
       "entries": [
        {"startedDateTime": "2026-11-25T10:00:00Z", "cache": {}, "request": {"method": "GET", "url": "https://a/", "cookies": []},
         "response": {"status": 204, "cookies": [], "content": {"size": 0}},
         "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": 0.5, "wait": 20.25, "receive": 1.25}},
        {"startedDateTime": "2026-11-25T10:00:00Z", "time": 33.5, "cache": {}, "request": {"method": "GET", "url": "https://a/", "cookies": []},
         "response": {"status": 204, "cookies": [], "content": {"size": 0}},
         "timings": {"blocked": -1, "dns": -1, "connect": -1, "ssl": -1, "send": -1, "wait": -1, "receive": -1}},
        {"startedDateTime": "2026-11-25T10:00:00Z", "cache": {}, "request": {"method": "GET", "url": "https://a/", "cookies": []},
         "response": {"status": 204, "cookies": [], "content": {"size": 0}}, "timings": {}}
       ]}}
      """;

  /** Firefox: dates with the local UTC offset, a body it left out, empty {@code pages}. */
  static final String FIREFOX_LOCAL_OFFSET = """
      {"log": {"version": "1.2", "creator": {"name": "Firefox", "version": "128.0"}, "browser": {"name": "Firefox", "version": "128.0"},
       "pages": [],
       "entries": [
        {"startedDateTime": "2015-05-29T16:10:30.424+02:00", "time": 7, "cache": {},
         "request": {"bodySize": 0, "method": "GET", "url": "https://app.example/socket.io/?EIO=4&transport=polling&t=x",
           "httpVersion": "HTTP/2", "headers": [], "cookies": [], "queryString": [], "headersSize": 300},
         "response": {"status": 200, "statusText": "OK", "httpVersion": "HTTP/2", "headers": [], "cookies": [],
           "content": {"mimeType": "text/plain", "size": -1, "comment": "Response body not included"},
           "redirectURL": "", "headersSize": 200, "bodySize": -1},
         "timings": {"blocked": 0, "dns": 0, "connect": 0, "ssl": 0, "send": 0, "wait": 7, "receive": 0}}
       ]}}
      """;

  /** A HAR with no {@code log.entries} at all. */
  static final String NO_ENTRIES = """
      {"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "pages": []}}
      """;

  /** {@code log.entries} that is not an array. */
  static final String ENTRIES_NOT_AN_ARRAY = """
      {"log": {"version": "1.2", "creator": {"name": "x", "version": "1"}, "entries": {"0": {}}}}
      """;

  /** One entry as Chrome writes a binary response body: base64, the MIME type says image. */
  static String binaryBodyEntry(String base64, String url) {
    return "{\"startedDateTime\": \"2026-11-25T10:00:00Z\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"" + url + "\", \"cookies\": []},"
        + " \"response\": {\"status\": 200, \"cookies\": [], \"content\": {\"mimeType\": \"image/png\","
        + " \"encoding\": \"base64\", \"text\": \"" + base64 + "\"}}}";
  }

  /** A HAR around the given entries (JSON objects, comma-separated). */
  static String har(String entries) {
    return "{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"x\", \"version\": \"1\"}, \"entries\": ["
        + entries + "]}}";
  }
}
