package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.record.LogEvent;
import io.siodoctor.parsers.record.LogLine;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JsonLinesLogParserTest {

  private final JsonLinesLogParser parser = new JsonLinesLogParser();

  @Test
  void pino() {
    String line =
        "{\"level\":30,\"time\":1764126000123,\"pid\":4242,\"hostname\":\"node-a\",\"sid\":\"AAAAAAAAAAAAAAAAAAAA\",\"msg\":\"client close with reason ping timeout\"}\n";
    LogLine l = Parse.text(parser, "app.jsonl", line).lines.get(0);
    assertThat(l.time()).isEqualTo(Instant.ofEpochMilli(1764126000123L));
    assertThat(l.level()).isEqualTo("info");
    assertThat(l.node()).isEqualTo("node-a");
    assertThat(l.sid()).contains("AAAAAAAAAAAAAAAAAAAA");
    assertThat(l.message()).isEqualTo("client close with reason ping timeout");
    assertThat(l.event()).isEqualTo(LogEvent.CLOSED);
    assertThat(l.fact().text()).isEqualTo("ping timeout");
  }

  /** An application's connection_error listener logging through pino: only lines naming the event count. */
  @Test
  void connectionErrorListenerThroughAStructuredLogger() {
    String text =
        "{\"level\":40,\"time\":1796600001000,\"msg\":\"connection_error code 4 Forbidden GET /socket.io/?EIO=4&transport=polling&t=abc\"}\n"
            + "{\"level\":40,\"time\":1796600001100,\"msg\":\"connection_error\",\"code\":2,\"message\":\"x\"}\n"
            + "{\"level\":40,\"time\":1796600001200,\"msg\":\"engine.io connection_error: Bad handshake method\"}\n"
            + "{\"level\":40,\"time\":1796600001300,\"msg\":\"Forbidden\"}\n";
    CollectingSink s = Parse.text(parser, "app.jsonl", text);
    assertThat(s.lines).extracting(LogLine::event).containsExactly(
        LogEvent.REQUEST_FORBIDDEN, LogEvent.OTHER, LogEvent.BAD_HANDSHAKE_METHOD, LogEvent.OTHER);
  }

  @Test
  void winstonAndBunyan() {
    String winston =
        "{\"level\":\"warn\",\"message\":\"unknown sid \\\"C-UMVuI3T1QZRV4gAAAA\\\"\",\"timestamp\":\"2026-11-26T03:15:39.328Z\"}\n";
    String bunyan =
        "{\"name\":\"sio\",\"hostname\":\"web-2\",\"pid\":1,\"level\":50,\"msg\":\"transport error\",\"time\":\"2026-11-26T03:15:40.000Z\",\"v\":0}\n";
    CollectingSink s = Parse.text(parser, "app.log", winston + bunyan);
    LogLine w = s.lines.get(0);
    assertThat(w.level()).isEqualTo("warn");
    assertThat(w.event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(w.sid()).contains("C-UMVuI3T1QZRV4gAAAA");
    assertThat(w.time()).isEqualTo(Instant.parse("2026-11-26T03:15:39.328Z"));
    assertThat(w.node()).isEqualTo("app");
    LogLine b = s.lines.get(1);
    assertThat(b.level()).isEqualTo("error");
    assertThat(b.node()).isEqualTo("web-2");
    assertThat(b.source()).isEqualTo("sio");
    assertThat(b.event()).isEqualTo(LogEvent.TRANSPORT_ERROR);
  }

  @Test
  void dockerJsonFileWithDebugOutput() {
    String line =
        "{\"log\":\"2026-11-26T03:19:25.747Z engine handshaking client \\\"8zVNQ_3kNnvUljZhAAAA\\\"\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-26T03:19:25.747812345Z\"}\n";
    LogLine l = Parse.text(parser, "container-json.log", line).lines.get(0);
    assertThat(l.source()).isEqualTo("engine");
    assertThat(l.message()).isEqualTo("handshaking client \"8zVNQ_3kNnvUljZhAAAA\"");
    assertThat(l.event()).isEqualTo(LogEvent.HANDSHAKE);
    assertThat(l.sid()).contains("8zVNQ_3kNnvUljZhAAAA");
    assertThat(l.time()).isEqualTo(Instant.parse("2026-11-26T03:19:25.747812345Z"));
  }

  @Test
  void socketIdFieldsAndSidInText() {
    String a = "{\"level\":30,\"time\":1764126000000,\"socketId\":\"/chat#ssO51L53Emo8zXiyAAAA\",\"msg\":\"disconnected\"}\n";
    String b = "{\"level\":30,\"time\":1764126000000,\"msg\":\"GET /socket.io/?EIO=4&transport=polling&sid=BBBBBBBBBBBBBBBBBBBB 400\"}\n";
    String c = "{\"level\":30,\"ts\":1764126000.5,\"msg\":\"Invalid session aac0657cb8a44b1dbc02738e33749f9e\"}\n";
    CollectingSink s = Parse.text(parser, "app.log", a + b + c);
    assertThat(s.lines.get(0).sid()).contains("ssO51L53Emo8zXiyAAAA");
    assertThat(s.lines.get(1).sid()).contains("BBBBBBBBBBBBBBBBBBBB");
    assertThat(s.lines.get(2).event()).isEqualTo(LogEvent.UNKNOWN_SID);
    assertThat(s.lines.get(2).time()).isEqualTo(Instant.ofEpochMilli(1764126000500L));
  }

  @Test
  void brokenLinesAreKeptWithOneWarning() {
    String text =
        "{\"level\":30,\"time\":1764126000000,\"msg\":\"ok\"}\n"
            + "{\"level\":30,\"time\":17641260\n"
            + "plain text\n"
            + "{\"level\":30,\"msg\":\n";
    CollectingSink s = Parse.text(parser, "app.log", text);
    assertThat(s.lines).hasSize(4);
    assertThat(s.lines.subList(1, 4)).allSatisfy(l -> assertThat(l.event()).isEqualTo(LogEvent.OTHER));
    assertThat(s.lines.get(2).time()).isEqualTo(Instant.ofEpochMilli(1764126000000L));
    assertThat(s.warnings).hasSize(1);
  }

  @Test
  void sniffAcceptsLogLinesAndRejectsHar() {
    assertThat(Parse.sniff(parser, "{\"level\":30,\"time\":1,\"msg\":\"a\"}\n{\"level\":30,\"time\":2,\"msg\":\"b\"}\n")).isTrue();
    assertThat(Parse.sniff(parser, "{\"log\":{\"version\":\"1.2\",\"creator\":{\"name\":\"WebInspector\"},\"entries\":[]}}\n")).isFalse();
    assertThat(Parse.sniff(parser, "{\n  \"log\": {\n    \"version\": \"1.2\",\n")).isFalse();
    assertThat(Parse.sniff(parser, "{\"a\":1}\n{\"b\":2}\n")).isFalse();
    assertThat(Parse.sniff(parser, "2026-11-26T03:00:00.000Z engine got pong\n")).isFalse();
  }
}
