package io.siodoctor.analyzer.sanitize;

import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import io.siodoctor.parsers.redact.SidHasher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.siodoctor.analyzer.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class HarSanitizerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Every secret value seeded into secrets.har. */
  public static final List<String> SECRETS = List.of(
      "cookie-secret-123", "alb-secret-456", "bearer-secret-789", "apikey-secret-abc", "query-secret-def",
      "form-secret-ghi", "connect-secret-jkl", "connect-secret-nested", "connect-secret-admin", "ws-secret-mno",
      "pid-secret-999", "event-secret-stu", "echo-secret-444", "refresh-secret-pqr", "nested-secret-1",
      "referer-secret-yz1", "location-secret-zz2", "initiator-secret-vwx", "wskey-secret-0123456",
      "v2-query-secret", "v2-client-secret", "v2-connect-secret-xyz", "page-secret-777",
      "c2lnbmF0dXJlLXNlY3JldC1qd3Q", "eyJzdWIiOiJib2IiLCJleHAiOjE5MDAwMDAwMDB9",
      "sidSECRETaaaaaaaaaa1", "nspSidSECRETbbbbbbbb2", "nspSidSECRETbbbbbbbb4", "v2sidSECRETcccccccc5");

  static String sanitize(byte[] har, RedactionPolicy policy, Redactions[] counts) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Redactions r = new HarSanitizer(policy, new SidHasher("test-key".getBytes(StandardCharsets.UTF_8)))
        .sanitize(new ByteArrayInputStream(har), out);
    if (counts != null) {
      counts[0] = r;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String sanitizedFixture() throws IOException {
    return sanitize(Files.readAllBytes(Fixtures.fixture("secrets.har")), RedactionPolicy.defaults(), null);
  }

  @Test
  void noSeededSecretSurvives() throws IOException {
    String original = Files.readString(Fixtures.fixture("secrets.har"));
    for (String s : SECRETS) {
      assertThat(original).as("fixture seeds %s", s).contains(s);
    }
    String out = sanitizedFixture();
    for (String s : SECRETS) {
      assertThat(out).as("secret %s", s).doesNotContain(s);
    }
  }

  @Test
  void outputIsAValidHarWithTheSameEntriesAndTypedMarkers() throws IOException {
    JsonNode in = JSON.readTree(Fixtures.fixture("secrets.har").toFile());
    JsonNode out = JSON.readTree(sanitizedFixture());
    assertThat(out.path("log").path("entries").size()).isEqualTo(in.path("log").path("entries").size());
    JsonNode e0 = out.path("log").path("entries").get(0);
    assertThat(header(e0.path("request"), "Cookie")).isEqualTo("io=[redacted:cookie]; connect.sid=[redacted:cookie]");
    assertThat(header(e0.path("request"), "Authorization")).isEqualTo("Bearer [redacted:auth]");
    assertThat(header(e0.path("request"), "X-Api-Key")).isEqualTo("[redacted:auth]");
    assertThat(header(e0.path("request"), "X-Trace")).isEqualTo("trace [redacted:jwt]");
    assertThat(header(e0.path("response"), "Set-Cookie"))
        .isEqualTo("connect.sid=[redacted:cookie]; Path=/; HttpOnly\nAWSALB=[redacted:cookie]; Path=/");
    assertThat(header(e0.path("response"), "Location")).isEqualTo("/chat?state=[redacted:query]");
    assertThat(e0.path("request").path("postData").path("text").asText())
        .isEqualTo("username=bob&password=[redacted:query]");
    assertThat(e0.path("request").path("cookies").get(0).path("value").asText()).isEqualTo("[redacted:cookie]");
    assertThat(e0.path("response").path("cookies").get(1).path("value").asText()).isEqualTo("[redacted:cookie]");
    // the method, status and untouched fields are as they were
    assertThat(e0.path("response").path("status").asInt()).isEqualTo(302);
    assertThat(e0.path("request").path("postData").path("params").get(0).path("value").asText()).isEqualTo("bob");
  }

  @Test
  void socketIoAuthPayloadsAreRedactedAndTheSidIsHashedConsistently() throws IOException {
    JsonNode entries = JSON.readTree(sanitizedFixture()).path("log").path("entries");
    String open = entries.get(2).path("response").path("content").path("text").asText();
    String hashed = JSON.readTree(open.substring(1)).path("sid").asText();
    assertThat(hashed).hasSize(20).isNotEqualTo("sidSECRETaaaaaaaaaa1");
    assertThat(entries.get(3).path("request").path("url").asText()).endsWith("&sid=" + hashed);
    assertThat(entries.get(3).path("request").path("queryString").get(3).path("value").asText()).isEqualTo(hashed);
    assertThat(entries.get(5).path("request").path("url").asText()).endsWith("sid=" + hashed);
    assertThat(entries.get(2).path("request").path("url").asText()).endsWith("&token=[redacted:query]");
    assertThat(entries.get(3).path("request").path("postData").path("text").asText()).isEqualTo(
        "40{\"token\":\"[redacted:auth]\",\"user\":{\"id\":\"[redacted:auth]\",\"apiSecret\":\"[redacted:auth]\"}}"
            + "\u001e40/admin,{\"token\":\"[redacted:auth]\"}");
    JsonNode frames = entries.get(5).path("_webSocketMessages");
    assertThat(frames.get(0).path("data").asText()).isEqualTo("2probe");
    assertThat(frames.get(3).path("data").asText())
        .isEqualTo("40/chat,{\"token\":\"[redacted:auth]\",\"pid\":\"[redacted:auth]\",\"offset\":\"[redacted:auth]\"}");
    assertThat(frames.get(5).path("data").asText())
        .isEqualTo("42/chat,[\"login\",{\"user\":\"bob\",\"password\":\"[redacted:field]\"}]");
    // CONNECT_ERROR keeps its message: the diagnosis needs it
    assertThat(frames.get(6).path("data").asText()).startsWith("44/chat,{\"message\":\"not authorized\"");
  }

  @Test
  void revision3LengthPrefixesAreRecomputedAfterMasking() throws IOException {
    JsonNode entries = JSON.readTree(sanitizedFixture()).path("log").path("entries");
    String post = entries.get(7).path("request").path("postData").path("text").asText();
    assertThat(post).isEqualTo("32:40/admin?token=[redacted:query],1:2");
    String open = entries.get(6).path("response").path("content").path("text").asText();
    int colon = open.indexOf(':');
    int length = Integer.parseInt(open.substring(0, colon));
    assertThat(open.substring(colon + 1, colon + 1 + length)).startsWith("0{\"sid\":\"").endsWith("}");
    assertThat(open.substring(colon + 1 + length)).isEqualTo("2:40");
  }

  @Test
  void keepAndRedactOptionsChangeTheNames() throws IOException {
    byte[] har = Files.readAllBytes(Fixtures.fixture("secrets.har"));
    String out = sanitize(har, new RedactionPolicy(Set.of("token"), Set.of("username", "lang")), null);
    assertThat(out).contains("query-secret-def").doesNotContain("username=bob").contains("username=[redacted:query]")
        .contains("lang=[redacted:query]").doesNotContain("cookie-secret-123");
  }

  @Test
  void countsEachKind() throws IOException {
    Redactions[] counts = new Redactions[1];
    sanitize(Files.readAllBytes(Fixtures.fixture("secrets.har")), RedactionPolicy.defaults(), counts);
    Redactions r = counts[0];
    assertThat(r.get(Redactions.COOKIE)).isGreaterThan(5);
    assertThat(r.get(Redactions.AUTH)).isGreaterThan(5);
    assertThat(r.get(Redactions.QUERY)).isGreaterThan(5);
    assertThat(r.get(Redactions.JWT)).isGreaterThanOrEqualTo(2);
    assertThat(r.get(Redactions.SID)).isGreaterThan(5);
    assertThat(r.summary()).contains("cookie ").contains("sid ");
  }

  @Test
  void junkIsRejectedWithAOneLineReason() {
    assertThatThrownBy(() -> sanitize("not json".getBytes(StandardCharsets.UTF_8), RedactionPolicy.defaults(), null))
        .isInstanceOf(HarSanitizer.NotAHarException.class).hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> sanitize("[1,2]".getBytes(StandardCharsets.UTF_8), RedactionPolicy.defaults(), null))
        .isInstanceOf(HarSanitizer.NotAHarException.class).hasMessageContaining("not a HAR");
    assertThatThrownBy(() -> sanitize("{\"a\":1}".getBytes(StandardCharsets.UTF_8), RedactionPolicy.defaults(), null))
        .isInstanceOf(HarSanitizer.NotAHarException.class).hasMessageContaining("no \"log\"");
    assertThatThrownBy(() -> sanitize("{\"log\":{\"entries\":[{".getBytes(StandardCharsets.UTF_8),
        RedactionPolicy.defaults(), null)).isInstanceOf(HarSanitizer.NotAHarException.class);
  }

  @Test
  void aBodyThatDoesNotNeedRedactionIsKeptByteForByte() throws IOException {
    String har = "{\"log\":{\"entries\":[{\"request\":{\"url\":\"http://h/socket.io/?EIO=4&transport=polling\"},"
        + "\"response\":{\"content\":{\"mimeType\":\"text/plain\",\"text\":\"2\\u001e42[\\\"a\\\",1.50]\"}}}]}}";
    String out = sanitize(har.getBytes(StandardCharsets.UTF_8), RedactionPolicy.defaults(), null);
    assertThat(JSON.readTree(out).path("log").path("entries").get(0).path("response").path("content").path("text").asText())
        .isEqualTo("2\u001e42[\"a\",1.50]");
  }

  private static String header(JsonNode side, String name) {
    for (JsonNode h : side.path("headers")) {
      if (h.path("name").asText().equalsIgnoreCase(name)) {
        return h.path("value").asText();
      }
    }
    return null;
  }

  static byte[] read(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return in.readAllBytes();
    }
  }
}
