package io.siodoctor.parsers.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The one masking engine on free text: what it masks, what it keeps, and that hostile text costs linear time. */
class SecretMaskerTest {
  private static final String JWT =
      "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTQyIn0.c2lnbmF0dXJlLXNlY3JldC12YWx1ZQ";

  @Test
  void secretsUnderSecretNamesAreMaskedAtAnyDepth() {
    String masked = SecretMasker.mask("42[\"join\",{\"room\":\"lobby\",\"auth\":{\"pin\":\"PIN-7781\",\"nested\":"
        + "[{\"x\":\"DEEP-5512\"},4471]},\"credentials\":{\"pass\":\"PASS-8830\"},\"user\":\"alice\"}]");
    assertThat(masked).doesNotContain("PIN-7781", "DEEP-5512", "4471", "PASS-8830")
        .contains("\"room\":\"lobby\"", "\"user\":\"alice\"", "\"pin\":\"[redacted:field]\"");
  }

  @Test
  void jsonNumbersUnderSecretNamesBecomeQuotedMarkers() {
    assertThat(SecretMasker.mask("{\"pin\": 1234, \"code\": 4001, \"n\": 5}"))
        .isEqualTo("{\"pin\": \"[redacted:field]\", \"code\": 4001, \"n\": 5}");
  }

  @Test
  void headerLinesJwtsAndBearerCredentials() {
    assertThat(SecretMasker.mask("Authorization: Bearer abc.def-SECRET-1"))
        .isEqualTo("Authorization: Bearer [redacted:auth]");
    assertThat(SecretMasker.mask("cookie: io=SID1; session=SESSION-22\nnext line"))
        .isEqualTo("cookie: [redacted:cookie]\nnext line");
    assertThat(SecretMasker.mask("sent " + JWT + " to the server")).isEqualTo("sent [redacted:jwt] to the server");
    assertThat(SecretMasker.mask("header was Basic dXNlcjpwYXNzd29yZA==, rejected"))
        .isEqualTo("header was Basic [redacted:auth], rejected");
    assertThat(SecretMasker.mask("token expired")).isEqualTo("token expired");
  }

  @Test
  void queryParametersAndAssignments() {
    assertThat(SecretMasker.mask("GET /socket.io/?EIO=4&transport=polling&sid=abc123&token=TOK-991 → 400"))
        .isEqualTo("GET /socket.io/?EIO=4&transport=polling&sid=abc123&token=[redacted:query] → 400");
    assertThat(SecretMasker.mask("const apiKey = 'KEY-55'; var x = 'y'"))
        .isEqualTo("const apiKey = '[redacted:field]'; var x = 'y'");
    assertThat(SecretMasker.mask("close code=1006 reason=transport close"))
        .isEqualTo("close code=1006 reason=transport close");
  }

  @Test
  void connectPayloadsLoseEveryValueButTheSid() {
    assertThat(SecretMasker.mask("WebSocket sent 40{\"tenant\":\"T-41\",\"k\":{\"deep\":\"D-8\"}}"))
        .doesNotContain("T-41", "D-8");
    assertThat(SecretMasker.mask("40/admin,{\"tenant\":\"T-42\"}")).doesNotContain("T-42").startsWith("40/admin,{");
    assertThat(SecretMasker.mask("40/admin?token=T-43,")).isEqualTo("40/admin?token=[redacted:query],");
    assertThat(SecretMasker.mask("40{\"sid\":\"Zx81LhzcuIGgGY7fAAAB\"}")).isEqualTo("40{\"sid\":\"Zx81LhzcuIGgGY7fAAAB\"}");
    // cut short (an excerpt): masked to the end rather than left half-open
    assertThat(SecretMasker.mask("received 40{\"token\":\"CUT-SECR")).doesNotContain("CUT-SECR");
    assertThat(SecretMasker.mask("received 42[\"x\",{\"token\":\"CUT-SECR")).doesNotContain("CUT-SECR")
        .startsWith("received 42[\"x\",{\"token\":\"");
  }

  @Test
  void textWithoutSecretsComesBackAsItWas() {
    String plain = "2026-11-26T03:30:33.054Z engine:socket transport close (sid=abc) https://example.com:8443/x";
    assertThat(SecretMasker.mask(plain)).isSameAs(plain);
  }

  @Test
  void maskingIsIdempotent() {
    String once = SecretMasker.mask("Authorization: Bearer X-1\n{\"auth\":{\"pin\":1}} ?token=a&key=b " + JWT);
    assertThat(SecretMasker.mask(once)).isEqualTo(once);
  }

  // ---- hostile text: linear time, constant stack ----

  @Test
  void aLongQuotedValueNeitherOverflowsNorSlows() {
    String img = "<img src=\"data:image/png;base64," + "iVBORw0KGgo".repeat(1_000) + "\"> password = \""
        + "x".repeat(100_000) + "\"";
    String masked = within(Duration.ofSeconds(2), () -> SecretMasker.mask(img));
    assertThat(masked).endsWith("password = \"[redacted:field]\"");
  }

  @Test
  void twoMegabytesOfLettersAndDigitsTakeLinearTime() {
    String run = "a1B2c3".repeat(350_000);
    assertThat(within(Duration.ofSeconds(2), () -> SecretMasker.mask("x-token: " + run))).isEqualTo("x-token: [redacted:auth]");
    assertThat(within(Duration.ofSeconds(2), () -> SecretMasker.mask(run))).isSameAs(run);
    String failedJwts = "eyJaaaaaaa-".repeat(200_000);
    within(Duration.ofSeconds(2), () -> SecretMasker.mask(failedJwts));
    String quotes = "a='b".repeat(200_000) + "\n" + "\"\\\"".repeat(300_000);
    within(Duration.ofSeconds(2), () -> SecretMasker.mask(quotes));
    String assignments = "token=".repeat(300_000);
    within(Duration.ofSeconds(2), () -> SecretMasker.mask(assignments));
  }

  @Test
  void deepNestingNeedsNoStack() {
    String deep = "{\"auth\":" + "[".repeat(1_000_000) + "\"DEEP-SECRET\"" + "]".repeat(1_000_000) + "}";
    assertThat(within(Duration.ofSeconds(2), () -> SecretMasker.mask(deep))).doesNotContain("DEEP-SECRET");
    String connect = "40" + "{\"a\":".repeat(500_000) + "\"C-SECRET\"";
    assertThat(within(Duration.ofSeconds(2), () -> SecretMasker.mask(connect))).doesNotContain("C-SECRET");
  }

  private static <T> T within(Duration limit, Supplier<T> work) {
    long start = System.nanoTime();
    T result = work.get();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(limit);
    return result;
  }
}
