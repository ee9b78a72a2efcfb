package io.siodoctor.analyzer.sanitize;

import io.siodoctor.parsers.redact.RedactionPolicy;
import io.siodoctor.parsers.redact.Redactions;
import io.siodoctor.parsers.redact.SidHasher;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.analyzer.Analyzer;
import io.siodoctor.analyzer.Fixtures;
import io.siodoctor.analyzer.InputSource;
import io.siodoctor.analyzer.rank.RankedCause;
import io.siodoctor.analyzer.rank.RankedReport;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The promise of sanitize: sharing the sanitized HAR loses no diagnosis. */
class SanitizedCapturesAnalyseTheSameTest {

  @TestFactory
  Stream<DynamicTest> everySampleCaptureKeepsItsCauses() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path har : Fixtures.sampleHars()) {
      tests.add(DynamicTest.dynamicTest(har.getParent().getFileName().toString(), () -> sameCauses(har)));
    }
    tests.add(DynamicTest.dynamicTest("secrets.har fixture", () -> sameCauses(Fixtures.fixture("secrets.har"))));
    return tests.stream();
  }

  @Test
  void thereAreSampleCapturesToCompare() throws IOException {
    assertThat(Fixtures.sampleHars()).isNotEmpty();
  }

  private static void sameCauses(Path har) throws IOException {
    byte[] original = Files.readAllBytes(har);
    byte[] sanitized = HarSanitizerTest.sanitize(original, RedactionPolicy.defaults(), null)
        .getBytes(StandardCharsets.UTF_8);
    RankedReport before = analyze(original);
    RankedReport after = analyze(sanitized);
    assertThat(after.verdict()).as("verdict after sanitizing %s", har).isEqualTo(before.verdict());
    assertThat(ids(after)).as("causes after sanitizing %s", har).isEqualTo(ids(before));
    nonSecretFieldsUnchanged(har, original, sanitized);
    assertThat(after.sessions().size()).isEqualTo(before.sessions().size());
    for (int i = 0; i < before.causes().size(); i++) {
      assertThat(after.causes().get(i).evidence().size()).isEqualTo(before.causes().get(i).evidence().size());
    }
  }

  /** Fields that never hold a secret and that the diagnosis reads: they must come out byte for byte. */
  private static final Set<String> NEVER_CHANGED = Set.of("name", "method", "startedDateTime", "mimeType",
      "httpVersion", "statusText", "type", "_resourceType", "status", "opcode", "time", "size", "encoding");

  /**
   * Same structure (keys, array sizes), every number and boolean equal, the fields above equal, and a
   * changed string either carries a marker or differs only inside tokens of a sid's length (the sid
   * replaced by its keyed hash, same length). And most strings stay: a sanitizer that blanked
   * everything would fail here.
   */
  private static void nonSecretFieldsUnchanged(Path har, byte[] original, byte[] sanitized) throws IOException {
    ObjectMapper json = new ObjectMapper();
    int[] strings = new int[2];
    compare(json.readTree(original), json.readTree(sanitized), "", har.toString(), strings);
    if (!har.toString().contains("fixtures")) { // the secrets fixture is made of little but secrets
      assertThat(strings[1]).as("strings changed in %s (of %d)", har, strings[0]).isLessThanOrEqualTo(strings[0] / 4);
    }
  }

  private static void compare(JsonNode a, JsonNode b, String path, String har, int[] strings) {
    assertThat(b.getNodeType()).as("%s %s", har, path).isEqualTo(a.getNodeType());
    if (a.isObject()) {
      assertThat(iterable(b.fieldNames())).as("%s %s", har, path).containsExactlyElementsOf(iterable(a.fieldNames()));
      a.properties().forEach(f -> compare(f.getValue(), b.get(f.getKey()), path + "." + f.getKey(), har, strings));
    } else if (a.isArray()) {
      assertThat(b.size()).as("%s %s", har, path).isEqualTo(a.size());
      for (int i = 0; i < a.size(); i++) {
        compare(a.get(i), b.get(i), path + "[]", har, strings);
      }
    } else if (a.isTextual()) {
      strings[0]++;
      String field = path.substring(path.lastIndexOf('.') + 1);
      if (a.asText().equals(b.asText())) {
        return;
      }
      strings[1]++;
      assertThat(NEVER_CHANGED).as("%s %s changed", har, path).doesNotContain(field);
      String before = a.asText();
      String after = b.asText();
      if (field.equals("text") && path.endsWith("content.text") && base64(before) != null && base64(after) != null) {
        before = base64(before); // a base64 body: compared as what it holds
        after = base64(after);
      }
      if (!after.contains("[redacted:")) {
        assertThat(onlySidLikeTokensDiffer(before, after)).as("%s %s: %s -> %s", har, path, before, after).isTrue();
      }
    } else {
      assertThat(b).as("%s %s", har, path).isEqualTo(a);
    }
  }

  /** Same length, and every differing character sits in a run of [A-Za-z0-9_-] no longer than 40. */
  private static boolean onlySidLikeTokensDiffer(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int i = 0;
    while (i < a.length()) {
      if (a.charAt(i) == b.charAt(i)) {
        i++;
        continue;
      }
      int start = i;
      while (start > 0 && token(a.charAt(start - 1))) {
        start--;
      }
      int end = i;
      while (end < a.length() && token(a.charAt(end))) {
        end++;
      }
      if (end - start > 40 || end == start) {
        return false;
      }
      i = Math.max(end, i + 1);
    }
    return true;
  }

  private static String base64(String s) {
    try {
      return new String(java.util.Base64.getDecoder().decode(s), StandardCharsets.ISO_8859_1);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static boolean token(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  private static RankedReport analyze(byte[] har) {
    return Analyzer.builtIn().analyze(List.of(InputSource.of("capture.har", new ByteArrayInputStream(har)))).report();
  }

  private static List<String> ids(RankedReport r) {
    return r.causes().stream().map(RankedCause::id).toList();
  }
}
