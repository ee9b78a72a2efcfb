package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SyslogHeaderTest {

  @Test
  void readsTheJournalsAndSyslogsHeaders() {
    String line = "2026-11-26T03:00:00.120Z engine handshaking client";
    assertThat(SyslogHeader.end("Dec 07 14:06:41 web1 node[812]: " + line, 0, false)).isEqualTo(32);
    assertThat(SyslogHeader.end("Dec  7 14:06:41 web1 node[812]: " + line, 0, false)).isEqualTo(32);
    assertThat(SyslogHeader.end("Dec 7 14:06:41 web-1.example app.service: " + line, 0, false)).isEqualTo(42);
    // after a time the caller read: RFC 3339 syslog, journalctl -o short-iso
    String iso = "2026-11-26T03:00:00+0000 ";
    assertThat(SyslogHeader.end(iso + "web1 node[812]: " + line, iso.length(), true)).isEqualTo(iso.length() + 16);
    // not a header: a debug line itself, prose, a header without its ": "
    assertThat(SyslogHeader.end(line, 0, false)).isZero();
    assertThat(SyslogHeader.end("Decided to wait 14:06:41 for it: yes", 0, false)).isZero();
    assertThat(SyslogHeader.end("Dec 07 14:06:41 web1 node[812] " + line, 0, false)).isZero();
    assertThat(SyslogHeader.end("Dec 07 14:06:41 web1 node[]: " + line, 0, false)).isZero();
  }

  @Test
  void theByteScanAgreesWithTheCharScan() {
    List<String> parts = List.of("Dec", "Nov", "Jan", " ", "  ", "07", "7", "14:06:41", "14:6:41", "web1", "web-1.ex",
        "node", "app.service", "[812]", "[", "]", ":", ": ", "x", "2026-11-26T03:00:00.120Z", "é");
    Random random = new Random(13);
    for (int round = 0; round < 200_000; round++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(12);
      for (int i = 0; i < n; i++) {
        b.append(parts.get(random.nextInt(parts.size())));
      }
      String s = b.toString();
      if (s.chars().anyMatch(c -> c > 127)) {
        continue; // the byte scan reads ASCII headers; a non-ASCII byte ends them in both
      }
      byte[] bytes = s.getBytes(StandardCharsets.US_ASCII);
      for (boolean timed : new boolean[] {false, true}) {
        assertThat(SyslogHeader.end(bytes, 0, bytes.length, timed)).as("%s (timed %s)", s, timed)
            .isEqualTo(SyslogHeader.end(s, 0, timed));
      }
    }
  }
}
