package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TimeReaderTest {

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.ISO_8859_1);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2021-05-15T15:17:22.687Z | 2021-05-15T15:17:22.687Z | true",
        "2026-11-26 03:00:00,123 | 2026-11-26T03:00:00.123Z | false",
        "2020-11-28T20:20:26.316906+00:00 | 2020-11-28T20:20:26.316906Z | true",
        "2026-11-26T05:00:00+0200 | 2026-11-26T03:00:00Z | true",
        "2026-11-26T01:00:00-02 | 2026-11-26T03:00:00Z | true",
        "2026-11-26T03:00:00.123456789123Z | 2026-11-26T03:00:00.123456789Z | true",
        "2024-02-29T00:00:00Z | 2024-02-29T00:00:00Z | true",
        "1999-12-31T23:59:60Z | 1999-12-31T23:59:59Z | true",
      })
  void iso(String text, String expected, boolean zoned) {
    TimeReader t = new TimeReader();
    byte[] bytes = b(text);
    assertThat(t.readIso(bytes, 0, bytes.length)).isEqualTo(bytes.length);
    assertThat(t.instant()).isEqualTo(Instant.parse(expected));
    assertThat(t.zoned()).isEqualTo(zoned);
  }

  @ParameterizedTest
  @CsvSource({"2026-13-01T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-26X03:00:00Z", "2026-11-26T03:00", "abcd-ef-ghT00:00:00Z"})
  void invalidIso(String text) {
    TimeReader t = new TimeReader();
    byte[] bytes = b(text);
    assertThat(t.readIso(bytes, 0, bytes.length)).isEqualTo(-1);
  }

  @Test
  void otherForms() {
    TimeReader t = new TimeReader();
    byte[] clf = b("26/Nov/2026:03:00:00 -0130]");
    assertThat(t.readClf(clf, 0, clf.length)).isEqualTo(26);
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-11-26T04:30:00Z"));
    byte[] ha = b("06/Feb/2009:12:14:14.655]");
    assertThat(t.readClf(ha, 0, ha.length)).isEqualTo(24);
    assertThat(t.instant()).isEqualTo(Instant.parse("2009-02-06T12:14:14.655Z"));
    byte[] rfc = b("Wed, 30 Aug 2017 17:08:30 GMT x");
    assertThat(t.readRfc1123(rfc, 0, rfc.length)).isEqualTo(29);
    assertThat(t.instant()).isEqualTo(Instant.parse("2017-08-30T17:08:30Z"));
    byte[] sys = b("Feb  6 12:14:14 localhost");
    assertThat(t.readSyslog(sys, 0, sys.length, 2009)).isEqualTo(15);
    assertThat(t.instant()).isEqualTo(Instant.parse("2009-02-06T12:14:14Z"));
    byte[] ng = b("2026/11/26 03:00:00 [error]");
    assertThat(t.readSlashed(ng, 0, ng.length)).isEqualTo(19);
    assertThat(t.zoned()).isFalse();
    byte[] tod = b("03:00:01.123 x");
    assertThat(t.readTimeOfDay(tod, 0, tod.length)).isEqualTo(12);
    assertThat(t.secondOfDay()).isEqualTo(3 * 3600 + 1);
  }

  @Test
  void defaultZoneAppliesOnlyWithoutAnOffset() {
    TimeReader t = new TimeReader(ZoneId.of("Europe/Paris"));
    byte[] summer = b("2026-07-01 12:00:00");
    t.readIso(summer, 0, summer.length);
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-07-01T10:00:00Z"));
    byte[] winter = b("2026-01-01 12:00:00");
    t.readIso(winter, 0, winter.length);
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-01-01T11:00:00Z"));
    byte[] zoned = b("2026-01-01T12:00:00Z");
    t.readIso(zoned, 0, zoned.length);
    assertThat(t.instant()).isEqualTo(Instant.parse("2026-01-01T12:00:00Z"));
  }

  @Test
  void daysFromCivilMatchesTheJdk() {
    for (int y = 1969; y <= 2101; y += 3) {
      for (int m = 1; m <= 12; m++) {
        assertThat(TimeReader.daysFromCivil(y, m, 28))
            .isEqualTo(java.time.LocalDate.of(y, m, 28).toEpochDay());
      }
    }
  }

  @Test
  void consecutiveTimesInTheSameSecondReuseTheDateButNotTheTail() {
    TimeReader t = new TimeReader();
    String[] in = {
      "2026-11-26T03:00:00.100Z", "2026-11-26T03:00:00.200Z", "2026-11-26T03:00:00+01:00",
      "2026-11-26T03:00:00.Z", "2026-11-26T03:00:01Z", "2026-11-26T03:00:01.5Z"
    };
    String[] out = {
      "2026-11-26T03:00:00.100Z", "2026-11-26T03:00:00.200Z", "2026-11-26T02:00:00Z", null,
      "2026-11-26T03:00:01Z", "2026-11-26T03:00:01.500Z"
    };
    for (int i = 0; i < in.length; i++) {
      byte[] bytes = b(in[i]);
      int q = t.readIso(bytes, 0, bytes.length);
      if (out[i] == null) {
        assertThat(q).as(in[i]).isEqualTo(-1);
      } else {
        assertThat(q).as(in[i]).isEqualTo(bytes.length);
        assertThat(t.instant()).as(in[i]).isEqualTo(Instant.parse(out[i]));
      }
    }
  }
}
