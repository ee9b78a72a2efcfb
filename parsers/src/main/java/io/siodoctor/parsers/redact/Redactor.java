package io.siodoctor.parsers.redact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.siodoctor.parsers.engineio.LengthPrefixedPayload;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one masking engine: redacts secrets inside one string by what the string is (a URL, a header,
 * a cookie, an Engine.IO polling body, a WebSocket frame, a JSON or form body, or free text). Used by
 * {@code sanitize} (with a {@link SidHasher}, so sids are replaced consistently) and, through {@link
 * SecretMasker}, by every report format and every error message (sids kept: the reader needs them).
 *
 * <p>Values are replaced by typed markers that keep the shape ({@code token=[redacted:query]}), JSON
 * stays valid, revision 3 length prefixes are recomputed. Returns the input itself when nothing was
 * secret, so untouched text stays identical. No regular expression runs over the input: free text
 * goes through {@link TextScanner}, which is linear in the text and keeps a constant stack depth.
 */
public final class Redactor {
  /** Deep enough for any real body; deeper JSON is treated as free text, which needs no stack. */
  private static final int MAX_JSON_DEPTH = 200;
  /**
   * Made on the first JSON value to redact: an {@link ObjectMapper}'s class initialisation costs tens
   * of milliseconds of a start-up whose report has no JSON to mask.
   */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
        .build());

    private Json() {}
  }

  private static final char RECORD_SEPARATOR = '\u001e';
  /** {@code Set-Cookie} attributes (RFC 6265 and the later ones browsers accept): everything else is a cookie. */
  private static final Set<String> COOKIE_ATTRIBUTES = Set.of(
      "path", "domain", "expires", "max-age", "samesite", "secure", "httponly", "priority", "partitioned",
      "version", "comment", "sameparty");

  private final RedactionPolicy policy;
  private final SidHasher sids;
  private final Redactions counts;
  private final TextScanner scanner;

  /**
   * @param sids replaces sids ({@code sanitize}); {@code null} keeps them (reports, messages)
   */
  public Redactor(RedactionPolicy policy, SidHasher sids, Redactions counts) {
    this.policy = policy;
    this.sids = sids;
    this.counts = counts;
    this.scanner = new TextScanner(this);
  }

  RedactionPolicy policy() {
    return policy;
  }

  String marker(String kind) {
    counts.count(kind);
    return Redactions.marker(kind);
  }

  /** The replacement of a sid value: its keyed hash, or itself when sids are kept. */
  String sid(String value) {
    if (sids == null || policy.kept("sid") || value.isEmpty() || value.startsWith("[redacted")) {
      return value;
    }
    counts.count(Redactions.SID);
    return sids.hash(value);
  }

  static boolean isMarker(String value) {
    return value.startsWith("[redacted");
  }

  // ---- URLs and query strings ----

  /** A URL: its query and fragment parameters by name, the sid hashed, JWTs and credentials anywhere. */
  public String url(String url) {
    if (url == null || url.isEmpty()) {
      return url;
    }
    int q = url.indexOf('?');
    int hash = url.indexOf('#');
    if (q < 0 && hash < 0) {
      return text(url);
    }
    int queryStart = q >= 0 && (hash < 0 || q < hash) ? q : -1;
    StringBuilder sb = new StringBuilder();
    if (queryStart >= 0) {
      sb.append(text(url.substring(0, queryStart + 1)));
      int end = hash > queryStart ? hash : url.length();
      sb.append(query(url.substring(queryStart + 1, end)));
      if (hash > queryStart) {
        sb.append('#').append(query(url.substring(hash + 1)));
      }
    } else {
      sb.append(text(url.substring(0, hash + 1))).append(query(url.substring(hash + 1)));
    }
    String out = sb.toString();
    return out.equals(url) ? url : out;
  }

  /** {@code a=1&token=x&sid=y}: secret values masked, the sid hashed. */
  public String query(String query) {
    if (query == null || query.isEmpty()) {
      return query;
    }
    StringBuilder sb = new StringBuilder(query.length());
    int start = 0;
    while (start <= query.length()) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? query.length() : amp;
      String pair = query.substring(start, end);
      int eq = pair.indexOf('=');
      String name = eq < 0 ? "" : pair.substring(0, eq);
      if (eq < 0 || !isPlainName(name)) {
        sb.append(text(pair)); // "40/admin?jwt=x": not a name, so the scanner looks for the pairs inside
      } else {
        sb.append(name).append('=').append(param(decodeName(name), pair.substring(eq + 1), Redactions.QUERY));
      }
      if (amp < 0) {
        break;
      }
      sb.append('&');
      start = amp + 1;
    }
    String joined = sb.toString();
    return joined.equals(query) ? query : joined;
  }

  /** The value of one named parameter (query, form field, {@code queryString[]}, {@code params[]}). */
  public String param(String name, String value, String kind) {
    if (value == null || value.isEmpty() || isMarker(value)) {
      return value;
    }
    if ("sid".equalsIgnoreCase(name) && !policy.kept(name)) {
      return sid(value);
    }
    if (policy.isSecret(name) && !isStatusCode(name, value)) {
      return marker(kind);
    }
    return text(value);
  }

  /** Letters, digits, {@code _.-[]%+}: a parameter name as forms and clients write them. */
  private static boolean isPlainName(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && "_.-[]%+$".indexOf(c) < 0) {
        return false;
      }
    }
    return !name.isEmpty();
  }

  private static String decodeName(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  /** {@code code=1}, {@code "code":4001}: a short number under "code" is a status, not an OAuth code. */
  static boolean isStatusCode(String name, String value) {
    if (!name.equalsIgnoreCase("code") || value.isEmpty() || value.length() > 4) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Character.isDigit(value.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  // ---- headers ----

  /** One header value by header name; names stay, so the reader still sees what was sent. */
  public String header(String name, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    if (name == null) {
      return text(value);
    }
    String n = name.toLowerCase(Locale.ROOT).trim();
    if (policy.kept(n)) {
      return value;
    }
    switch (n) {
      case "cookie":
        return cookieHeader(value);
      case "set-cookie":
        return setCookie(value);
      case "authorization":
      case "proxy-authorization":
        return authorization(value);
      case "referer":
      case "location":
      case "content-location":
      case "origin":
      case ":path":
        return url(value);
      default:
        if (policy.isSecretHeader(n)) {
          return isMarker(value) ? value : marker(Redactions.AUTH);
        }
        return text(value);
    }
  }

  /** {@code a=1; b=2} → {@code a=[redacted:cookie]; b=[redacted:cookie]}. */
  public String cookieHeader(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    int start = 0;
    while (start <= value.length()) {
      int semi = value.indexOf(';', start);
      int end = semi < 0 ? value.length() : semi;
      String pair = value.substring(start, end);
      int eq = pair.indexOf('=');
      sb.append(eq < 0 ? pair : cookiePair(pair.substring(0, eq), pair.substring(eq + 1)));
      if (semi < 0) {
        break;
      }
      sb.append(';');
      start = semi + 1;
    }
    return sb.toString();
  }

  private String cookiePair(String name, String value) {
    return policy.kept(name.trim()) ? name + "=" + value : name + "=" + cookieValue(value);
  }

  public String cookieValue(String value) {
    return value == null || value.isEmpty() || isMarker(value) ? value : marker(Redactions.COOKIE);
  }

  /**
   * {@code io=abc; Path=/; HttpOnly; X-Tenant=acme}: every {@code name=value} pair is a cookie
   * except the known attributes (a non-standard attribute may carry anything); one cookie per line.
   */
  public String setCookie(String value) {
    StringBuilder sb = new StringBuilder(value.length());
    int lineStart = 0;
    while (lineStart <= value.length()) {
      int nl = value.indexOf('\n', lineStart);
      int lineEnd = nl < 0 ? value.length() : nl;
      int start = lineStart;
      boolean first = true;
      while (start <= lineEnd) {
        int semi = value.indexOf(';', start);
        int end = semi < 0 || semi > lineEnd ? lineEnd : semi;
        String pair = value.substring(start, end);
        int eq = pair.indexOf('=');
        boolean attribute = !first && eq >= 0
            && COOKIE_ATTRIBUTES.contains(pair.substring(0, eq).trim().toLowerCase(Locale.ROOT));
        sb.append(eq < 0 || attribute ? pair : cookiePair(pair.substring(0, eq), pair.substring(eq + 1)));
        first = false;
        if (end == lineEnd) {
          break;
        }
        sb.append(';');
        start = end + 1;
      }
      if (nl < 0) {
        break;
      }
      sb.append('\n');
      lineStart = nl + 1;
    }
    return sb.toString();
  }

  /** {@code Bearer abc} → {@code Bearer [redacted:auth]}: the scheme helps the reader, the rest is secret. */
  public String authorization(String value) {
    if (isMarker(value)) {
      return value;
    }
    int space = value.indexOf(' ');
    if (space > 0 && space < 20 && isMarker(value.substring(space + 1).trim())) {
      return value;
    }
    return space > 0 && space < 20 ? value.substring(0, space + 1) + marker(Redactions.AUTH) : marker(Redactions.AUTH);
  }

  // ---- bodies ----

  /** A request or response body; {@code engineIo} when the entry is an Engine.IO request. */
  public String body(String text, String mimeType, boolean engineIo) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String mime = mimeType == null ? "" : mimeType.toLowerCase(Locale.ROOT);
    if (mime.contains("x-www-form-urlencoded") && !text.startsWith("d=")) {
      return query(text);
    }
    if (engineIo) {
      return engineIoPayload(text);
    }
    String t = text.stripLeading();
    if (mime.contains("json") || t.startsWith("{") || t.startsWith("[")) {
      return json(text, Redactions.FIELD);
    }
    return text(text);
  }

  /**
   * The text inside base64 bytes (a body marked {@code encoding: base64}, a binary WebSocket frame),
   * or null when the bytes are not UTF-8 text: those cannot be inspected, and the caller drops them.
   */
  public static String decodeText(String base64) {
    byte[] bytes;
    try {
      bytes = Base64.getMimeDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      return null;
    }
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != RECORD_SEPARATOR) {
          return null; // NULs and other controls: binary that happens to be valid UTF-8
        }
      }
      return text;
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  /** Base64 of a text, as a HAR writes it. */
  public static String encodeText(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Counts one item dropped because it could not be inspected (binary bodies and frames). */
  public String dropped() {
    return marker(Redactions.BINARY);
  }

  /** A polling body: revision 4 packets joined by U+001E, or revision 2/3 {@code <length>:<packet>}. */
  public String engineIoPayload(String body) {
    if (body == null || body.isEmpty()) {
      return body;
    }
    char first = body.charAt(0);
    if (first == '{' || first == '[' || first == '<') {
      return first == '<' ? text(body) : json(body, Redactions.FIELD);
    }
    if (Character.isDigit(first) && LengthPrefixedPayload.looksLike(body)) {
      List<String> packets = LengthPrefixedPayload.packets(body);
      if (packets != null) {
        StringBuilder sb = new StringBuilder(body.length());
        for (String p : packets) {
          String r = packet(p);
          // revision 3 counts UTF-16 units, which is what String.length() gives
          sb.append(r.length()).append(':').append(r);
        }
        String out = sb.toString();
        return out.equals(body) ? body : out;
      }
      return text(body);
    }
    if (body.indexOf(RECORD_SEPARATOR) < 0) {
      return packet(body);
    }
    StringBuilder sb = new StringBuilder(body.length());
    int start = 0;
    for (int i = 0; i <= body.length(); i++) {
      if (i == body.length() || body.charAt(i) == RECORD_SEPARATOR) {
        if (start > 0) {
          sb.append(RECORD_SEPARATOR);
        }
        sb.append(packet(body.substring(start, i)));
        start = i + 1;
      }
    }
    String out = sb.toString();
    return out.equals(body) ? body : out;
  }

  /** One Engine.IO packet (a frame's data, or one packet of a polling body). */
  public String packet(String p) {
    if (p == null || p.isEmpty()) {
      return p;
    }
    switch (p.charAt(0)) {
      case '0':
        return p.length() > 1 && p.charAt(1) == '{' ? "0" + json(p.substring(1), Redactions.FIELD) : p;
      case '4':
        return p.length() > 1 ? "4" + socketIo(p.substring(1)) : p;
      case '1', '2', '3', '5', '6':
        return p.length() > 1 ? p.charAt(0) + text(p.substring(1)) : p; // close, ping ("2probe"), pong, upgrade, noop
      case 'b':
        return p; // base64 binary attachment: no text secrets to find by name
      case '{', '[':
        return json(p, Redactions.FIELD);
      default:
        return text(p);
    }
  }

  /**
   * A Socket.IO packet ({@code <type>[<attachments>-][/nsp,][ack id][data]}). The data of a CONNECT
   * is the application's credentials (auth payload): all of it goes, except the sid the server sends
   * back. CONNECT_ERROR keeps its message (the diagnosis needs it); events and acks by key name.
   */
  private String socketIo(String s) {
    char type = s.charAt(0);
    int i = 1;
    if (type == '5' || type == '6') {
      int dash = s.indexOf('-', i);
      if (dash > i && allDigits(s, i, dash)) {
        i = dash + 1;
      }
    }
    String nsp = "";
    if (i < s.length() && s.charAt(i) == '/') {
      int comma = s.indexOf(',', i);
      int end = comma < 0 ? s.length() : comma + 1;
      nsp = s.substring(i, end);
      i = end;
    }
    int ackStart = i;
    // only EVENT, ACK and their binary forms carry an ack id
    while ((type == '2' || type == '3' || type == '5' || type == '6') && i < s.length() && Character.isDigit(s.charAt(i))) {
      i++;
    }
    String head = s.substring(0, ackStart - nsp.length()) + namespace(nsp) + s.substring(ackStart, i);
    String data = s.substring(i);
    if (data.isEmpty()) {
      return head;
    }
    String redacted;
    if (type == '0') {
      redacted = connectAuth(data);
    } else if (type >= '1' && type <= '6') {
      redacted = json(data, Redactions.FIELD);
    } else {
      redacted = text(data);
    }
    return head + redacted;
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int k = from; k < to; k++) {
      if (!Character.isDigit(s.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  /** v2/v3 clients put query options in the namespace of CONNECT: {@code /admin?token=abc,}. */
  private String namespace(String nsp) {
    int q = nsp.indexOf('?');
    if (q < 0) {
      return nsp;
    }
    boolean comma = nsp.endsWith(",");
    String query = nsp.substring(q + 1, comma ? nsp.length() - 1 : nsp.length());
    return nsp.substring(0, q + 1) + query(query) + (comma ? "," : "");
  }

  /** A CONNECT payload: every value is a credential, except the sid of the server's answer. */
  private String connectAuth(String data) {
    JsonNode node = parse(data);
    if (node == null) {
      // not JSON (cut, or deeper than the bound): the scanner masks the whole object anyway
      return scanner.connectPayload(data);
    }
    if (!(node instanceof ObjectNode obj)) {
      return node.isTextual() || node.isNumber() ? marker(Redactions.AUTH) : data;
    }
    boolean changed = false;
    for (Map.Entry<String, JsonNode> f : obj.properties()) {
      if (f.getKey().equals("sid") && f.getValue().isTextual()) {
        String h = sid(f.getValue().asText());
        if (!h.equals(f.getValue().asText())) {
          f.setValue(TextNode.valueOf(h));
          changed = true;
        }
      } else if (!policy.kept(f.getKey())) {
        JsonNode masked = maskAll(f.getValue(), Redactions.AUTH);
        changed |= masked != f.getValue() || f.getValue().isContainerNode();
        f.setValue(masked);
      }
    }
    return changed ? obj.toString() : data;
  }

  /** JSON by key name; a body that is not JSON after all (or too deep) falls back to free text. */
  public String json(String text, String kind) {
    JsonNode node = parse(text);
    if (node == null) {
      return text(text);
    }
    return redactTree(node, kind, 0) ? node.toString() : text;
  }

  /** Redacts in place; returns whether anything changed. Depth is bounded by the parser's limit. */
  private boolean redactTree(JsonNode node, String kind, int depth) {
    boolean changed = false;
    if (node instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonNode> f : obj.properties()) {
        String name = f.getKey();
        JsonNode v = f.getValue();
        if (name.equals("sid") && v.isTextual()) {
          String h = sid(v.asText());
          if (!h.equals(v.asText())) {
            f.setValue(TextNode.valueOf(h));
            changed = true;
          }
        } else if (policy.isSecret(name) && !(v.isIntegralNumber() && isStatusCode(name, v.asText()))) {
          JsonNode masked = maskAll(v, kind);
          if (masked != v || v.isContainerNode()) {
            f.setValue(masked);
            changed = true;
          }
        } else if (v.isTextual()) {
          String r = text(v.asText());
          if (!r.equals(v.asText())) {
            f.setValue(TextNode.valueOf(r));
            changed = true;
          }
        } else {
          changed |= redactTree(v, kind, depth + 1);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        JsonNode v = arr.get(i);
        if (v.isTextual()) {
          String r = text(v.asText());
          if (!r.equals(v.asText())) {
            arr.set(i, TextNode.valueOf(r));
            changed = true;
          }
        } else {
          changed |= redactTree(v, kind, depth + 1);
        }
      }
    }
    return changed;
  }

  /** Every scalar inside {@code v} replaced by a marker (a secret object is secret all the way down). */
  private JsonNode maskAll(JsonNode v, String kind) {
    if (v.isTextual() && (isMarker(v.asText()) || v.asText().isEmpty())) {
      return v;
    }
    if (v.isTextual() || v.isNumber()) {
      return TextNode.valueOf(marker(kind));
    }
    if (v instanceof ObjectNode obj) {
      obj.properties().forEach(f -> f.setValue(maskAll(f.getValue(), kind)));
    } else if (v instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        arr.set(i, maskAll(arr.get(i), kind));
      }
    }
    return v; // booleans and null say nothing secret
  }

  private static JsonNode parse(String text) {
    try {
      return Json.MAPPER.readTree(text);
    } catch (JsonProcessingException | RuntimeException e) {
      return null; // not JSON, or beyond the parser's limits: the linear scanner takes it
    }
  }

  // ---- free text ----

  /**
   * Text with no known structure (HTML, scripts, log lines, messages, unknown headers): JWTs, bearer
   * credentials, {@code name: 'value'} and {@code "name": {...}} with secret names, {@code
   * ?name=value} parameters, header lines and Socket.IO CONNECT payloads. Linear time.
   */
  public String text(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return scanner.scan(text);
  }
}
