package io.siodoctor.analyzer.sanitize;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts secrets inside one string of a HAR, by what the string is: a URL, a cookie header, an
 * Engine.IO polling body, a WebSocket frame, a JSON or form body, or free text. Values are replaced
 * by typed markers that keep the shape ({@code token=[redacted:query]}), JSON stays valid, revision
 * 3 length prefixes are recomputed, and sids are replaced consistently. Returns the input itself
 * when nothing was secret, so untouched bodies stay byte-identical.
 */
final class SecretRedactor {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_\\-+/=]*");
  /** {@code name: 'value'}, {@code "name" = "value"}: credentials written in scripts and config. */
  private static final Pattern ASSIGNMENT = Pattern.compile(
      "([\"']?)([A-Za-z_][A-Za-z0-9_.\\-]*)\\1(\\s*[:=]\\s*)([\"'])((?:(?!\\4)[^\\\\\\n]|\\\\.){1,4096}?)\\4");
  /** {@code ?token=...} / {@code &key=...} inside text (links in HTML, URLs in scripts). */
  private static final Pattern QUERY_IN_TEXT = Pattern.compile("([?&;])([A-Za-z0-9_.\\-]+)=([^&\\s\"'#<>,;]+)");
  private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic|digest)\\s+[A-Za-z0-9._~+/=\\-]{8,}");
  private static final char RECORD_SEPARATOR = '\u001e';

  private final RedactionPolicy policy;
  private final SidHasher sids;
  private final Redactions counts;

  SecretRedactor(RedactionPolicy policy, SidHasher sids, Redactions counts) {
    this.policy = policy;
    this.sids = sids;
    this.counts = counts;
  }

  private String marker(String kind) {
    counts.count(kind);
    return Redactions.marker(kind);
  }

  // ---- URLs and query strings ----

  /** A URL: its query and fragment parameters by name, the sid hashed, JWTs anywhere. */
  String url(String url) {
    if (url == null || url.isEmpty()) {
      return url;
    }
    int q = url.indexOf('?');
    int hash = url.indexOf('#');
    if (q < 0 && hash < 0) {
      return jwt(url);
    }
    int queryStart = q >= 0 && (hash < 0 || q < hash) ? q : -1;
    StringBuilder sb = new StringBuilder();
    if (queryStart >= 0) {
      sb.append(jwt(url.substring(0, queryStart + 1)));
      int end = hash > queryStart ? hash : url.length();
      sb.append(query(url.substring(queryStart + 1, end)));
      if (hash > queryStart) {
        sb.append('#').append(query(url.substring(hash + 1)));
      }
    } else {
      sb.append(jwt(url.substring(0, hash + 1))).append(query(url.substring(hash + 1)));
    }
    String out = sb.toString();
    return out.equals(url) ? url : out;
  }

  /** {@code a=1&token=x&sid=y}: secret values masked, the sid hashed. */
  String query(String query) {
    if (query.isEmpty()) {
      return query;
    }
    List<String> out = new ArrayList<>();
    for (String pair : query.split("&", -1)) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        out.add(jwt(pair));
      } else {
        String name = pair.substring(0, eq);
        out.add(name + "=" + param(decodeName(name), pair.substring(eq + 1), Redactions.QUERY));
      }
    }
    String joined = String.join("&", out);
    return joined.equals(query) ? query : joined;
  }

  /** The value of one named parameter (query, form field, {@code queryString[]}, {@code params[]}). */
  String param(String name, String value, String kind) {
    if (value == null || value.isEmpty() || value.startsWith("[redacted")) {
      return value;
    }
    if ("sid".equalsIgnoreCase(name) && !policy.kept(name)) {
      counts.count(Redactions.SID);
      return sids.hash(value);
    }
    if (policy.isSecret(name)) {
      return marker(kind);
    }
    return jwt(value);
  }

  private static String decodeName(String name) {
    try {
      return java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  // ---- headers ----

  /** One header value by header name; names stay, so the reader still sees what was sent. */
  String header(String name, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String n = name.toLowerCase(java.util.Locale.ROOT);
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
          return marker(Redactions.AUTH);
        }
        return freeText(value);
    }
  }

  /** {@code a=1; b=2} → {@code a=[redacted:cookie]; b=[redacted:cookie]}. */
  String cookieHeader(String value) {
    StringBuilder sb = new StringBuilder();
    for (String pair : value.split(";")) {
      if (sb.length() > 0) {
        sb.append(';');
      }
      int eq = pair.indexOf('=');
      sb.append(eq < 0 ? pair : cookiePair(pair.substring(0, eq), pair.substring(eq + 1)));
    }
    return sb.toString();
  }

  private String cookiePair(String name, String value) {
    return policy.kept(name.trim()) ? name + "=" + value : name + "=" + cookieValue(value);
  }

  String cookieValue(String value) {
    return value == null || value.isEmpty() || value.startsWith("[redacted") ? value : marker(Redactions.COOKIE);
  }

  /** {@code io=abc; Path=/; HttpOnly}: only the value of the first pair is the cookie; one per line. */
  String setCookie(String value) {
    StringBuilder sb = new StringBuilder();
    for (String line : value.split("\n", -1)) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      int semi = line.indexOf(';');
      String first = semi < 0 ? line : line.substring(0, semi);
      int eq = first.indexOf('=');
      sb.append(eq < 0 ? first : cookiePair(first.substring(0, eq), first.substring(eq + 1)));
      if (semi >= 0) {
        sb.append(line.substring(semi));
      }
    }
    return sb.toString();
  }

  /** {@code Bearer abc} → {@code Bearer [redacted:auth]}: the scheme helps the reader, the rest is secret. */
  String authorization(String value) {
    if (value.startsWith("[redacted")) {
      return value;
    }
    int space = value.indexOf(' ');
    return space > 0 && space < 20 ? value.substring(0, space + 1) + marker(Redactions.AUTH) : marker(Redactions.AUTH);
  }

  // ---- bodies ----

  /** A request or response body; {@code engineIo} when the entry is an Engine.IO request. */
  String body(String text, String mimeType, boolean engineIo) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String mime = mimeType == null ? "" : mimeType.toLowerCase(java.util.Locale.ROOT);
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
    return freeText(text);
  }

  /** A polling body: revision 4 packets joined by U+001E, or revision 2/3 {@code <length>:<packet>}. */
  String engineIoPayload(String body) {
    if (body.isEmpty()) {
      return body;
    }
    char first = body.charAt(0);
    if (first == '{' || first == '[' || first == '<') {
      return first == '<' ? freeText(body) : json(body, Redactions.FIELD);
    }
    if (Character.isDigit(first) && body.matches("(?s)^\\d{1,10}:.*")) {
      List<String> packets = lengthPrefixed(body);
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
      return freeText(body);
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

  /** The packets of a length-prefixed body, or null when the framing does not add up. */
  private static List<String> lengthPrefixed(String body) {
    List<String> packets = new ArrayList<>();
    int i = 0;
    while (i < body.length()) {
      int colon = i;
      while (colon < body.length() && colon - i < 10 && Character.isDigit(body.charAt(colon))) {
        colon++;
      }
      if (colon == i || colon >= body.length() || body.charAt(colon) != ':') {
        return null;
      }
      int length = Integer.parseInt(body.substring(i, colon));
      int start = colon + 1;
      if ((long) start + length > body.length()) {
        return null;
      }
      packets.add(body.substring(start, start + length));
      i = start + length;
    }
    return packets;
  }

  /** One Engine.IO packet (a frame's data, or one packet of a polling body). */
  String packet(String p) {
    if (p == null || p.isEmpty()) {
      return p;
    }
    switch (p.charAt(0)) {
      case '0':
        return p.length() > 1 && p.charAt(1) == '{' ? "0" + json(p.substring(1), Redactions.FIELD) : p;
      case '4':
        return p.length() > 1 ? "4" + socketIo(p.substring(1)) : p;
      case '1', '2', '3', '5', '6':
        return p; // close, ping, pong, upgrade, noop: nothing of the user's
      case 'b':
        return p; // base64 binary attachment: no text secrets to find by name
      case '{', '[':
        return json(p, Redactions.FIELD);
      default:
        return freeText(p);
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
      if (dash > i && s.substring(i, dash).chars().allMatch(Character::isDigit)) {
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
    while (i < s.length() && Character.isDigit(s.charAt(i))) {
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
      redacted = freeText(data);
    }
    return head + redacted;
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
      return freeText(data);
    }
    if (!(node instanceof ObjectNode obj)) {
      return data;
    }
    boolean changed = false;
    for (Map.Entry<String, JsonNode> f : obj.properties()) {
      if (f.getKey().equals("sid") && f.getValue().isTextual()) {
        if (policy.kept("sid")) {
          continue;
        }
        counts.count(Redactions.SID);
        f.setValue(TextNode.valueOf(sids.hash(f.getValue().asText())));
        changed = true;
      } else if (!policy.kept(f.getKey())) {
        JsonNode masked = maskAll(f.getValue(), Redactions.AUTH);
        changed |= masked != f.getValue() || !f.getValue().isContainerNode();
        f.setValue(masked);
      }
    }
    return changed ? obj.toString() : data;
  }

  /** JSON by key name; a body that is not JSON after all falls back to free text. */
  String json(String text, String kind) {
    JsonNode node = parse(text);
    if (node == null) {
      return freeText(text);
    }
    return redactTree(node, kind) ? node.toString() : text;
  }

  /** Redacts in place; returns whether anything changed. */
  private boolean redactTree(JsonNode node, String kind) {
    boolean changed = false;
    if (node instanceof ObjectNode obj) {
      for (Map.Entry<String, JsonNode> f : obj.properties()) {
        String name = f.getKey();
        JsonNode v = f.getValue();
        if (name.equals("sid") && v.isTextual() && !policy.kept(name)) {
          counts.count(Redactions.SID);
          f.setValue(TextNode.valueOf(sids.hash(v.asText())));
          changed = true;
        } else if (policy.isSecret(name) && !isStatusCode(name, v)) {
          JsonNode masked = maskAll(v, kind);
          if (masked != v || v.isContainerNode()) {
            f.setValue(masked);
            changed = true;
          }
        } else if (v.isTextual()) {
          String r = jwt(v.asText());
          if (!r.equals(v.asText())) {
            f.setValue(TextNode.valueOf(r));
            changed = true;
          }
        } else {
          changed |= redactTree(v, kind);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        JsonNode v = arr.get(i);
        if (v.isTextual()) {
          String r = jwt(v.asText());
          if (!r.equals(v.asText())) {
            arr.set(i, TextNode.valueOf(r));
            changed = true;
          }
        } else {
          changed |= redactTree(v, kind);
        }
      }
    }
    return changed;
  }

  /** {@code {"code":1,"message":"Session ID unknown"}}: a small numeric code is a status, not a secret. */
  private static boolean isStatusCode(String name, JsonNode v) {
    return name.equalsIgnoreCase("code") && v.isIntegralNumber() && v.asLong() >= 0 && v.asLong() < 1000;
  }

  /** Every scalar inside {@code v} replaced by a marker (a secret object is secret all the way down). */
  private JsonNode maskAll(JsonNode v, String kind) {
    if (v.isTextual() && v.asText().startsWith("[redacted")) {
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
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  // ---- free text ----

  /**
   * Text with no known structure (HTML, scripts, unknown headers): JWTs, bearer credentials,
   * {@code name: 'value'} assignments and {@code ?name=value} parameters with secret names.
   */
  String freeText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = jwt(text);
    s = replace(BEARER, s, m -> m.group(1) + " " + marker(Redactions.AUTH));
    s = replace(ASSIGNMENT, s, m -> policy.isSecret(m.group(2)) && !m.group(5).startsWith("[redacted")
        && !m.group(5).isEmpty()
        ? m.group(1) + m.group(2) + m.group(1) + m.group(3) + m.group(4) + marker(Redactions.FIELD) + m.group(4)
        : m.group());
    s = replace(QUERY_IN_TEXT, s, m -> m.group(1) + m.group(2) + "=" + param(m.group(2), m.group(3), Redactions.QUERY));
    return s.equals(text) ? text : s;
  }

  String jwt(String text) {
    if (text == null || text.length() < 20 || !text.contains("eyJ")) {
      return text;
    }
    return replace(JWT, text, m -> marker(Redactions.JWT));
  }

  private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(s);
    if (!m.find()) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    do {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    } while (m.find());
    m.appendTail(sb);
    return sb.toString();
  }
}
