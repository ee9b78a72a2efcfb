package io.siodoctor.parsers.har;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.format.MatchStrength;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Set;

/**
 * Recognises a HAR from its head: a JSON object with a {@code log} member that is an object opening
 * with a HAR log key. JSON-lines logs are objects too, and Docker's JSON log lines even have a
 * {@code "log"} member, but a string one.
 */
final class HarSniffer {
  private static final Set<String> LOG_KEYS =
      Set.of("version", "creator", "browser", "pages", "entries", "comment");

  private HarSniffer() {}

  /**
   * {@link MatchStrength#FULL_MATCH} for a HAR (no log format writes a {@code log} object opening
   * with a HAR key), else {@link MatchStrength#NO_MATCH}.
   */
  static MatchStrength match(byte[] head, int length) {
    return sniff(head, length) ? MatchStrength.FULL_MATCH : MatchStrength.NO_MATCH;
  }

  private static boolean sniff(byte[] head, int length) {
    TextEncoding encoding = TextEncoding.detect(head, length);
    try (JsonParser p = HarJson.parser(new ByteArrayInputStream(head, 0, length), encoding)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("log")) {
          return value == JsonToken.START_OBJECT && opensHarLog(p);
        }
        p.skipChildren();
      }
      return false;
    } catch (IOException e) {
      // the head ended (or broke) before a "log" member was seen
      return false;
    }
  }

  private static boolean opensHarLog(JsonParser p) throws IOException {
    if (p.nextToken() != JsonToken.FIELD_NAME) {
      return false;
    }
    String first = p.currentName();
    return LOG_KEYS.contains(first) || first.startsWith("_");
  }
}
