package io.siodoctor.parsers.redact;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces Engine.IO session ids by a keyed hash of the same length and alphabet: the same sid gets
 * the same replacement everywhere in the file (URLs, open packets, CONNECT acks), so the sanitized
 * HAR still correlates and analyses the same, but nobody can replay the live session. The key is
 * random per run unless given, so replacements cannot be recomputed from a guessed sid.
 */
public final class SidHasher {
  private final Mac mac;
  private final Map<String, String> cache = new HashMap<>();

  public SidHasher(byte[] key) {
    try {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  public static SidHasher random() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new SidHasher(key);
  }

  public String hash(String sid) {
    if (sid == null || sid.isEmpty() || sid.startsWith("[redacted")) {
      return sid;
    }
    return cache.computeIfAbsent(sid, this::compute);
  }

  private static boolean isHexShaped(String sid) {
    boolean digit = false;
    for (int i = 0; i < sid.length(); i++) {
      char c = sid.charAt(i);
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
        digit = true;
      } else if (c != '-') {
        return false;
      }
    }
    return digit && sid.length() >= 8;
  }

  /** Whether the value is already a replacement (a HAR sanitized twice keeps its hashes). */
  boolean isReplacement(String value) {
    return cache.containsValue(value);
  }

  private String compute(String sid) {
    byte[] digest = mac.doFinal(sid.getBytes(StandardCharsets.UTF_8));
    if (isHexShaped(sid)) {
      // netty-socketio's sids are UUIDs, and the analysis recognises that server by their shape: keep it
      StringBuilder sb = new StringBuilder(sid.length());
      for (int i = 0; i < sid.length(); i++) {
        char c = sid.charAt(i);
        int nibble = (digest[(i / 2) % digest.length] >> (i % 2 == 0 ? 4 : 0)) & 0xf;
        sb.append(c == '-' ? '-' : Character.forDigit(nibble, 16));
      }
      return sb.toString();
    }
    String h = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    // same length as the original (Engine.IO sids are 20 chars), at least 8 to stay distinct
    int len = Math.max(8, Math.min(sid.length(), h.length()));
    while (h.length() < len) {
      h = h + h;
    }
    return h.substring(0, len);
  }
}
