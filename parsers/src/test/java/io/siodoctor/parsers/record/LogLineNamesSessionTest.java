package io.siodoctor.parsers.record;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A line names a session by its own sid or by the sid standing as a whole token in its text. */
class LogLineNamesSessionTest {
  private static LogLine line(String sid, String message) {
    return new LogLine(null, 1, null, LogFormat.GENERIC, null, null, null, sid, message, LogEvent.OTHER, LogFact.NONE, null);
  }

  @Test
  void theLinesOwnSidOrAWholeTokenInItsText() {
    String sid = "kfFxxTq1OwoqaO3GAAAA";
    assertThat(line(sid, "").namesSession(sid)).isTrue();
    // an application's own line, a request URL, a quoted sid (real forms from sample-captures)
    assertThat(line(null, "app connect Z2z-JBYZ7RlA7qCxAAAA engine sid " + sid + " transport websocket").namesSession(sid)).isTrue();
    assertThat(line(null, "GET /socket.io/?EIO=4&transport=polling&sid=" + sid).namesSession(sid)).isTrue();
    assertThat(line(null, "engine unknown sid \"" + sid + "\"").namesSession(sid)).isTrue();
    assertThat(line(null, sid).namesSession(sid)).isTrue();
  }

  @Test
  void aSidInsideALongerTokenIsNotNamed() {
    String sid = "kfFxxTq1OwoqaO3GAAAA";
    assertThat(line(null, "x" + sid).namesSession(sid)).isFalse();
    assertThat(line(null, sid + "-2").namesSession(sid)).isFalse();
    assertThat(line(null, "nothing here").namesSession(sid)).isFalse();
    assertThat(line("other", "x" + sid + " " + sid + "_").namesSession(sid)).isFalse();
    assertThat(line(null, "x" + sid + " then " + sid).namesSession(sid)).as("a later whole token").isTrue();
    assertThat(line(null, "anything").namesSession("")).isFalse();
    assertThat(line(null, "anything").namesSession(null)).isFalse();
  }
}
