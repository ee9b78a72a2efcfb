package io.siodoctor.parsers.redact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the one masking engine (jqwik): a secret seeded into any of the shapes issue 12
 * lists, wrapped in random surrounding text, never survives; and masking (free text) and redacting
 * (bodies, packets, URLs) are idempotent, so a sanitized HAR sanitized again does not change.
 */
class MaskerProperties {
  /** Secrets look like real ones: long, mixed letters and digits, never a word of the prose around them. */
  @Provide
  Arbitrary<String> secrets() {
    return Arbitraries.strings().withChars("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789").ofMinLength(12)
        .ofMaxLength(40).map(s -> "Q9" + s);
  }

  @Provide
  Arbitrary<String> secretNames() {
    return Arbitraries.of("token", "access_token", "password", "apiKey", "x-api-key", "client_secret", "session",
        "sessionId", "auth", "authorization", "credentials", "jwt", "refresh_token", "pin", "otp", "signature",
        "X-Auth-Token", "myAuthToken", "private_key");
  }

  @Provide
  Arbitrary<String> prose() {
    return Arbitraries.strings().withChars("abcdefghij ,.:;=&?/()[]{}'\"\n\t<>-_0123456789").ofMaxLength(30);
  }

  /** One shape of the list, with the secret in it. */
  @Provide
  Arbitrary<String> shapes() {
    return Combinators.combine(secrets(), secretNames(), Arbitraries.integers().between(0, 16))
        .as((secret, name, shape) -> switch (shape) {
          case 0 -> "GET https://app.example/socket.io/?EIO=4&transport=polling&" + name + "=" + secret;
          case 1 -> "{\"user\":\"bob\",\"" + name + "\":\"" + secret + "\"}";
          case 2 -> "{\"data\":{\"" + name + "\":{\"inner\":[\"" + secret + "\",{\"x\":\"" + secret + "\"}]}}}";
          case 3 -> "42[\"login\",{\"" + name + "\":\"" + secret + "\"}]";
          case 4 -> "40{\"anything\":\"" + secret + "\"}";
          case 5 -> "40/admin,{\"tenant\":{\"k\":\"" + secret + "\"}}";
          case 6 -> "40/admin?" + name + "=" + secret + ",";
          case 7 -> "Authorization: Bearer " + secret;
          case 8 -> "Cookie: io=abc; " + name + "=" + secret;
          case 9 -> "header was Basic " + secret;
          case 10 -> "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9." + secret;
          case 11 -> "const " + name + " = '" + secret + "';";
          case 12 -> name + "=" + secret + "&lang=en";
          case 13 -> "{\"" + name + "\": 9" + Math.abs((long) secret.hashCode()) + "4321}";
          case 14 -> "<a href=\"/cb?code=" + secret + "&" + name + "=" + secret + "\">";
          case 15 -> "{\"" + name + "\":[\"" + secret + "\",\"" + secret + "\"]}";
          default -> "2:40" + (secret.length() + 17) + ":40{\"token\":\"" + secret + "\"}";
        });
  }

  @Property(tries = 2_000)
  void noSeededSecretSurvivesAnyShape(@ForAll("shapes") String shape, @ForAll("prose") String before,
      @ForAll("prose") String after) {
    String secret = secretIn(shape);
    String text = before + (before.isEmpty() ? "" : " ") + shape + (after.isEmpty() ? "" : " ") + after;
    String masked = SecretMasker.mask(text);
    assertThat(masked).as(text).doesNotContain(secret);
  }

  @Property(tries = 2_000)
  void maskingIsIdempotent(@ForAll("shapes") String shape, @ForAll("prose") String before,
      @ForAll("prose") String after) {
    String once = SecretMasker.mask(before + " " + shape + " " + after);
    assertThat(SecretMasker.mask(once)).isEqualTo(once);
  }

  @Property(tries = 1_000)
  void redactingBodiesPacketsAndUrlsIsIdempotentAndLeavesNoSecret(@ForAll("shapes") String shape) {
    String secret = secretIn(shape);
    Redactor r = new Redactor(RedactionPolicy.defaults(), new SidHasher(new byte[32]), new Redactions());
    List<java.util.function.UnaryOperator<String>> redactions = List.of(t -> r.body(t, "application/json", false),
        t -> r.body(t, "text/plain", true), r::packet, t -> r.url(t.startsWith("https:") ? t : "https://a.example/?" + t),
        r::text, t -> r.header("x-debug", t), t -> r.query(t));
    for (java.util.function.UnaryOperator<String> f : redactions) {
      String once = f.apply(shape);
      if (!shape.startsWith("Cookie:") || f != redactions.get(6)) {
        assertThat(once).as(shape).doesNotContain(secret);
      }
      assertThat(f.apply(once)).as(shape).isEqualTo(once);
    }
    String b64 = Base64.getEncoder().encodeToString(shape.getBytes(StandardCharsets.UTF_8));
    String decoded = Redactor.decodeText(b64);
    assertThat(decoded).isEqualTo(shape);
  }

  /** The secret of a shape: its one run that starts with the seed's prefix (the JWT shape: the signature). */
  private static String secretIn(String shape) {
    int at = shape.indexOf("Q9");
    if (at < 0) { // the numeric shape: the number is the secret
      at = shape.indexOf(": 9") + 2;
    }
    int end = at;
    while (end < shape.length() && Character.isLetterOrDigit(shape.charAt(end))) {
      end++;
    }
    return shape.substring(at, end);
  }
}
