package io.siodoctor.parsers.redact;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which names (query parameters, form and JSON fields, headers) hold secrets. Matched
 * case-insensitively and by the words they contain, because applications invent their own names
 * ({@code x-my-auth-token}, {@code sessionKey}). {@code --keep} wins over everything, {@code
 * --redact} adds names.
 */
public final class RedactionPolicy {
  /** Parameter and field names whose values are credentials (Cloudflare/Google sanitizer lists and Socket.IO usage). */
  static final Set<String> SECRET_NAMES = Set.of(
      "token", "access_token", "refresh_token", "id_token", "auth", "authorization", "jwt", "apikey",
      "api_key", "api-key", "key", "secret", "client_secret", "clientsecret", "password", "passwd", "pwd", "pass",
      "pin", "otp", "signature", "sig", "code", "state", "session", "sessionid", "session_id", "code_verifier",
      "samlresponse", "samlrequest", "assertion", "x-api-key", "x-auth-token", "x-access-token", "credentials");
  /** Parts of a name that make it a secret wherever they appear. */
  private static final String[] SECRET_WORDS = {
    "token", "secret", "password", "passwd", "session", "apikey", "api_key", "api-key", "credential", "cookie",
    "signature", "private"
  };
  /** Headers that carry secrets without saying so (Chrome's variations id, the WebSocket nonce). */
  private static final Set<String> SECRET_HEADERS = Set.of("x-client-data", "sec-websocket-key");
  /** Names that look secret but that the analysis needs and that hold none. */
  private static final Set<String> NEVER = Set.of(":authority", "author", "eio", "transport", "t", "b64", "j");

  private final Set<String> keep;
  private final Set<String> redact;

  public RedactionPolicy(Set<String> keep, Set<String> redact) {
    this.keep = lower(keep);
    this.redact = lower(redact);
  }

  public static RedactionPolicy defaults() {
    return new RedactionPolicy(Set.of(), Set.of());
  }

  /** A query parameter, form field or JSON key whose value must not leave the machine. */
  public boolean isSecret(String name) {
    if (name == null) {
      return false;
    }
    String n = name.toLowerCase(Locale.ROOT).trim();
    if (keep.contains(n)) {
      return false;
    }
    if (redact.contains(n)) {
      return true;
    }
    if (NEVER.contains(n)) {
      return false;
    }
    if (SECRET_NAMES.contains(n)) {
      return true;
    }
    for (String w : SECRET_WORDS) {
      if (n.contains(w)) {
        return true;
      }
    }
    return (n.contains("auth") && !n.contains("authority"))
        || n.endsWith("key") || n.endsWith("_code") || n.endsWith("-code") || n.endsWith("_state")
        || n.equals("sig") || n.equals("pid");
  }

  /** A header whose whole value is a credential (beyond Cookie/Set-Cookie/Authorization, handled by shape). */
  public boolean isSecretHeader(String name) {
    String n = name.toLowerCase(Locale.ROOT).trim();
    return !keep.contains(n) && (SECRET_HEADERS.contains(n) || isSecret(n));
  }

  /** Whether the user asked to keep this name as it is. */
  public boolean kept(String name) {
    return name != null && keep.contains(name.toLowerCase(Locale.ROOT).trim());
  }

  private static Set<String> lower(Set<String> names) {
    return names.stream().map(s -> s.toLowerCase(Locale.ROOT).trim()).collect(Collectors.toUnmodifiableSet());
  }
}
