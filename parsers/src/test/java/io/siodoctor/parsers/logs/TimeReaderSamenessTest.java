package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.fuzz.FuzzChecks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The fast path of the ISO 8601 readers (digits at fixed offsets) gives java.time's answer, and the
 * log reader reads those texts to the same instant: on generated texts and on every ISO-looking
 * time of the sample captures.
 */
class TimeReaderSamenessTest {
  private static int fastAnswers;

  private static Instant plainInstant(String s) {
    try {
      return TimeReader.plainInstant(s.trim(), s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant instant(String s) {
    try {
      return TimeReader.parseInstant(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void check(String text) {
    String t = text.strip();
    TimeReader.IsoDateTime fast = TimeReader.fixedIso(t);
    TimeReader.IsoDateTime plain = TimeReader.plainIso(t);
    if (fast != null) {
      fastAnswers++;
      assertThat(fast).as(text).isEqualTo(plain);
      // the log reader, from bytes, reads the same instant
      TimeReader logs = new TimeReader();
      byte[] b = t.getBytes(StandardCharsets.ISO_8859_1);
      assertThat(logs.readIso(b, 0, b.length)).as(text).isEqualTo(b.length);
      assertThat(logs.instant()).as(text).isEqualTo(fast.instant());
    }
    assertThat(TimeReader.isoDateTime(text)).as(text).isEqualTo(plain);
    assertThat(instant(text)).as(text).isEqualTo(plainInstant(text));
  }

  private static String two(Random r, int max) {
    int v = r.nextInt(max + 1);
    return v < 10 ? "0" + v : Integer.toString(v);
  }

  /** Texts around the form browsers write: each field at and past its limits, each zone form. */
  @Test
  void fastPathAgreesOnGeneratedTexts() {
    String[] years = {"2026", "2024", "2023", "1970", "0000", "9999", "20x6"};
    String[] seps = {"T", "T", "T", " ", "t", "X"};
    String[] zones = {"Z", "Z", "+02:00", "-05:30", "+00:00", "-00:00", "+18:00", "-18:00",
        "+18:01", "+19:00", "+99:99", "+05:60", "+0200", "+02", "z", "", "Z ", "+2:00", "+02:0x"};
    Random r = new Random(3);
    fastAnswers = 0;
    for (int n = 0; n < 10_000; n++) {
      StringBuilder b = new StringBuilder();
      if (r.nextInt(20) == 0) {
        b.append(' ');
      }
      b.append(years[r.nextInt(years.length)]).append('-').append(two(r, 13)).append('-')
          .append(two(r, 32)).append(seps[r.nextInt(seps.length)]).append(two(r, 24)).append(':')
          .append(two(r, 60));
      if (r.nextInt(10) != 0) {
        b.append(':').append(two(r, 60));
      }
      int fraction = r.nextInt(14) - 2;
      if (fraction >= 0) {
        b.append('.');
        for (int k = 0; k < fraction; k++) {
          b.append((char) ('0' + r.nextInt(10)));
        }
      }
      b.append(zones[r.nextInt(zones.length)]);
      check(b.toString());
    }
    assertThat(fastAnswers).as("texts the fast path answered").isGreaterThan(500);
  }

  private static final Pattern ISO_LIKE =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ][0-9:.,]{5,20}(?:Z|[+-]\\d{2}(?::?\\d{2})?)?");

  /** Every ISO-looking time of the sample captures (HAR dates, log and console times). */
  @Test
  void fastPathAgreesOnTheSampleCaptures() throws IOException {
    Set<String> texts = new LinkedHashSet<>();
    for (Path file : FuzzChecks.sampleCaptureFiles()) {
      Matcher m = ISO_LIKE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
      while (m.find()) {
        texts.add(m.group());
      }
    }
    assertThat(texts).hasSizeGreaterThan(1_000);
    fastAnswers = 0;
    for (String t : texts) {
      check(t);
    }
    assertThat(fastAnswers).as("texts the fast path answered").isGreaterThan(1_000);
  }

  /**
   * Where the HAR reader's old fast path went past java.time, it now leaves the text to it: more
   * than nine digits of a second, and offsets beyond ±18:00 are no ISO 8601 date (BAD_DATE).
   */
  @Test
  void whatJavaTimeRefusesIsRefused() {
    assertThat(TimeReader.isoDateTime("2026-11-25T10:00:00.1234567891Z")).isNull();
    assertThat(TimeReader.isoDateTime("2026-11-25T10:00:00+99:00")).isNull();
    assertThat(TimeReader.isoDateTime("2026-11-25T10:00:00.123456789+18:00").instant())
        .isEqualTo(Instant.parse("2026-11-24T16:00:00.123456789Z"));
  }
}
