package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import org.junit.jupiter.api.Test;

/** EMFILE / ENFILE lines become RESOURCE_EXHAUSTED facts in the debug and generic log formats. */
class ResourceExhaustedTest {

  @Test
  void nodeAcceptErrorInADebugLog() {
    String log = "2026-12-07T14:00:00.000Z engine handshaking client \"ssO51L53Emo8zXiyAAAA\"\n"
        + "2026-12-07T14:00:01.000Z app Error: accept EMFILE\n"
        + "Error: EMFILE: too many open files, open '/srv/app/index.html'\n";
    CollectingSink s = Parse.text(new EngineIoDebugLogParser(), "server.log", log);
    assertThat(s.lines).filteredOn(l -> l.event() == LogEvent.RESOURCE_EXHAUSTED)
        .extracting(l -> l.fact().text()).containsExactly("EMFILE", "EMFILE");
  }

  @Test
  void otherRuntimesInAGenericLog() {
    String log = "2026-12-07 14:00:00,123 ERROR accept failed: [Errno 24] Too many open files\n"
        + "2026-12-07 14:00:00,456 ERROR ENFILE: file table overflow\n"
        + "2026-12-07 14:00:00,789 INFO all good\n";
    CollectingSink s = Parse.text(new GenericLogParser(), "app.log", log);
    assertThat(s.lines).extracting(LogLine::event)
        .containsExactly(LogEvent.RESOURCE_EXHAUSTED, LogEvent.RESOURCE_EXHAUSTED, LogEvent.OTHER);
    assertThat(s.lines.get(1).fact().text()).isEqualTo("ENFILE");
  }
}
