package io.siodoctor.parsers.redact;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets inside one piece of text (an excerpt, a URL, a log line, a packet) while keeping its
 * shape, so a reader still sees what kind of value was there: {@code token=[redacted:query]}. Keys
 * are matched by name, case-insensitively; JWTs anywhere; Socket.IO CONNECT payloads ({@code
 * 40{"token":...}}) have every value but the sid masked, because their content is the application's
 * credentials.
 */
public final class SecretMasker {

  /** Parameter and field names whose values are credentials (Cloudflare/Google sanitizer lists and Socket.IO usage). */
  public static final Set<String> SECRET_NAMES = Set.of(
      "token", "access_token", "refresh_token", "id_token", "auth", "authorization", "jwt", "apikey",
      "api_key", "api-key", "key", "secret", "client_secret", "clientsecret", "password", "passwd", "pwd",
      "signature", "sig", "code", "state", "session", "sessionid", "session_id", "code_verifier",
      "samlresponse", "samlrequest", "assertion", "x-api-key", "x-auth-token", "x-access-token", "credentials");

  private static final Pattern JWT =
      Pattern.compile("\\beyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_\\-+/=]*");
  private static final Pattern QUERY_PARAM =
      Pattern.compile("([?&;]|^)([A-Za-z0-9_.\\-]+)=([^&\\s\"'#,]*)");
  private static final Pattern JSON_STRING_FIELD =
      Pattern.compile("\"([A-Za-z0-9_.\\-]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|basic|token)\\s+[A-Za-z0-9._~+/=\\-]{8,}");
  private static final Pattern HEADER_LINE =
      Pattern.compile("(?i)\\b(cookie|set-cookie|authorization|proxy-authorization|x-api-key|x-auth-token)\\s*:\\s*[^\\r\\n]+");
  /** A Socket.IO CONNECT: Engine.IO message 4 + Socket.IO 0, optional namespace, then a JSON object. */
  private static final Pattern CONNECT_PAYLOAD = Pattern.compile("(^|[^0-9])40(/[^,{]*,)?\\{");

  private SecretMasker() {}

  public static String mask(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String s = JWT.matcher(text).replaceAll("[redacted:jwt]");
    s = replaceHeaderLines(s);
    s = BEARER.matcher(s).replaceAll("$1 [redacted:credential]");
    s = replaceQuery(s);
    s = replaceJsonFields(s);
    return s;
  }

  public static boolean isSecretName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return SECRET_NAMES.contains(n) || n.contains("token") || n.contains("secret") || n.contains("password")
        || n.endsWith("apikey") || n.endsWith("api_key");
  }

  private static String replaceHeaderLines(String s) {
    Matcher m = HEADER_LINE.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(m.group(1) + ": [redacted:" + m.group(1).toLowerCase(Locale.ROOT) + "]"));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String replaceQuery(String s) {
    Matcher m = QUERY_PARAM.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(2);
      String replacement = isSecretName(name) && !m.group(3).isEmpty()
          ? m.group(1) + name + "=[redacted:query]"
          : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static String replaceJsonFields(String s) {
    boolean connect = CONNECT_PAYLOAD.matcher(s).find();
    Matcher m = JSON_STRING_FIELD.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      boolean secret = isSecretName(name) || (connect && inConnectPayload(s, m.start()) && !name.equals("sid"));
      String replacement = secret && !m.group(2).startsWith("[redacted")
          ? "\"" + name + "\":\"[redacted:" + (connect ? "auth" : "field") + "]\""
          : m.group();
      m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Whether the field at {@code index} sits in the JSON object that follows a CONNECT packet's header. */
  private static boolean inConnectPayload(String s, int index) {
    Matcher c = CONNECT_PAYLOAD.matcher(s);
    int start = -1;
    while (c.find() && c.end() <= index + 1) {
      start = c.end() - 1;
    }
    if (start < 0) {
      return false;
    }
    int depth = 0;
    for (int i = start; i < index && i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        depth--;
      }
    }
    return depth > 0;
  }
}
