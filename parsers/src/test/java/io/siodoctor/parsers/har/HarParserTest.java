package io.siodoctor.parsers.har;

import io.siodoctor.parsers.capture.MissingEvidence;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.siodoctor.parsers.InputError;
import io.siodoctor.parsers.engineio.EngineIoError;
import io.siodoctor.parsers.engineio.EngineIoPacket;
import io.siodoctor.parsers.engineio.EngineIoPayload.Framing;
import io.siodoctor.parsers.engineio.Handshake;
import io.siodoctor.parsers.engineio.SocketIoPacket;
import io.siodoctor.parsers.record.HttpExchange;
import io.siodoctor.parsers.record.Record;
import io.siodoctor.parsers.record.WsFrame;
import io.siodoctor.parsers.record.WsFrame.Direction;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarParserTest {
  private final HarParser parser = new HarParser();

  private static CollectingSink parse(String har) throws Exception {
    return parse(har.getBytes(StandardCharsets.UTF_8));
  }

  private static CollectingSink parse(byte[] har) throws Exception {
    CollectingSink sink = new CollectingSink();
    new HarParser().parse(new ByteArrayInputStream(har), "capture.har", sink);
    return sink;
  }

  @Test
  void chromeEntriesThenFramesInFileOrder() throws Exception {
    CollectingSink sink = parse(HarFixtures.CHROME_WEBSOCKET);
    assertThat(sink.records).hasSize(3 + 8);
    assertThat(sink.records.subList(0, 3)).allMatch(r -> r instanceof HttpExchange);
    assertThat(sink.records.subList(3, 11)).allMatch(r -> r instanceof WsFrame);
    assertThat(sink.records).extracting(r -> r.location().location())
        .startsWith("entries[0]", "entries[1]", "entries[2]", "entries[2]._webSocketMessages[0]")
        .endsWith("entries[2]._webSocketMessages[7]");
    assertThat(sink.warnings).isEmpty();
  }

  @Test
  void aRedirectExportedWithoutItsHeadersKeepsItsTargetFromRedirectUrl() throws Exception {
    String target = "http://login.example.com/signin?rd=/socket.io/";
    String entry = "{\"startedDateTime\": \"2026-11-25T10:00:00Z\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"http://app.example.com/socket.io/?EIO=4&transport=polling&t=a\","
        + " \"headers\": [], \"cookies\": []}, \"response\": {\"status\": %d, \"headers\": %s, \"cookies\": [],"
        + " \"redirectURL\": \"" + target + "\", \"content\": {\"mimeType\": \"\", \"size\": 0}}}";
    List<HttpExchange> read = parse(HarFixtures.har(String.format(entry, 302, "[]") + ","
        + String.format(entry, 302, "[{\"name\": \"location\", \"value\": \"/elsewhere\"}]") + ","
        + String.format(entry, 200, "[]"))).of(HttpExchange.class);
    assertThat(read.get(0).responseHeader("Location")).contains(target);
    // the header itself wins where it was kept, and only a redirect has a target
    assertThat(read.get(1).responseHeader("Location")).contains("/elsewhere");
    assertThat(read.get(2).responseHeaders()).isEmpty();
  }

  @Test
  void aWebSocketWithAMessageASanitizerReplacedIsReadAsExportedWithoutMessages() throws Exception {
    // the replaced one may be the close or the CONNECT_ERROR: the others alone would tell another story
    CollectingSink sink = parse(HarFixtures.CHROME_WEBSOCKET.replace("\"data\": \"3probe\"", "\"data\": \"[REDACTED]\""));
    assertThat(sink.of(HttpExchange.class)).hasSize(3);
    assertThat(sink.of(WsFrame.class)).isEmpty();
    assertThat(sink.profile.missing(MissingEvidence.WEBSOCKET_FRAMES)).hasValueSatisfying(m -> {
      assertThat(m.extent()).isEqualTo(MissingEvidence.MARKERS_ONLY);
      assertThat(m.meaning()).contains("placeholder");
    });
    // a placeholder inside a message (a token in an emit) leaves the frames as they are
    CollectingSink inside = parse(HarFixtures.CHROME_WEBSOCKET.replace("\"data\": \"3probe\"", "\"data\": \"3[REDACTED]\""));
    assertThat(inside.of(WsFrame.class)).hasSize(8);
    assertThat(inside.profile.missing(MissingEvidence.WEBSOCKET_FRAMES)).isEmpty();
  }

  @Test
  void chromePollingHandshake() throws Exception {
    HttpExchange open = parse(HarFixtures.CHROME_WEBSOCKET).of(HttpExchange.class).get(0);
    assertThat(open.time()).isEqualTo(Instant.parse("2026-11-25T10:00:00.120Z"));
    assertThat(open.durationMs()).isEqualTo(12.345); // har-reader's Integer time would say 12
    assertThat(open.resourceType()).isEqualTo("xhr");
    assertThat(open.engineIo().isPolling()).isTrue();
    assertThat(open.responsePayload().framing()).isEqualTo(Framing.SINGLE);
    assertThat(open.handshake())
        .isEqualTo(new Handshake("Lbo5JLzTotvW3g2LAAAA", List.of("websocket"), 25000, 20000, 1000000));
    assertThat(open.sid()).contains("Lbo5JLzTotvW3g2LAAAA");
    assertThat(open.responseMimeType()).isEqualTo("text/plain");
    assertThat(open.responseBodySize()).isEqualTo(118);
    assertThat(open.requestHeader("accept")).contains("*/*");
    assertThat(open.error()).isNull();
  }

  @Test
  void chromeConnectPost() throws Exception {
    HttpExchange post = parse(HarFixtures.CHROME_WEBSOCKET).of(HttpExchange.class).get(1);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.requestBody()).isEqualTo("40");
    assertThat(post.requestBodySize()).isEqualTo(2);
    assertThat(post.requestPayload().packets()).singleElement()
        .satisfies(p -> assertThat(p.carries(SocketIoPacket.Type.CONNECT)).isTrue());
    assertThat(post.responsePayload().framing()).isEqualTo(Framing.SINGLE);
    assertThat(post.responsePayload().packets()).isEmpty();
    assertThat(post.handshake()).isNull();
  }

  @Test
  void chromeWebSocketFrames() throws Exception {
    CollectingSink sink = parse(HarFixtures.CHROME_WEBSOCKET);
    HttpExchange ws = sink.of(HttpExchange.class).get(2);
    List<WsFrame> frames = sink.of(WsFrame.class);
    assertThat(ws.isWebSocket()).isTrue();
    assertThat(ws.status()).isEqualTo(101);

    assertThat(frames).extracting(WsFrame::direction).containsExactly(
        Direction.SENT, Direction.RECEIVED, Direction.SENT, Direction.RECEIVED, Direction.SENT,
        Direction.RECEIVED, Direction.RECEIVED, Direction.ERROR);
    assertThat(frames).allSatisfy(f -> {
      assertThat(f.entryIndex()).isEqualTo(2);
      assertThat(f.connectionSid()).isEqualTo("Lbo5JLzTotvW3g2LAAAA");
      assertThat(f.url()).isEqualTo(ws.url());
    });
    assertThat(frames.get(0).packet().isProbe()).isTrue();
    assertThat(frames.get(1).time()).isEqualTo(Instant.parse("2026-11-25T10:00:01.501234Z"));
    assertThat(frames.get(2).packet().type()).isEqualTo(EngineIoPacket.Type.UPGRADE);
    assertThat(frames.get(5).packet().socketIo().eventName()).isEqualTo("news");
    assertThat(frames.get(6).packet()).isEqualTo(new EngineIoPacket(EngineIoPacket.Type.MESSAGE, "AQIDBA==", true, null));
    assertThat(frames.get(6).opcode()).isEqualTo(2);
    assertThat(frames.get(7).packet()).isNull();
    assertThat(frames.get(7).data()).isEqualTo("net::ERR_CONNECTION_RESET");
  }

  @Test
  void failedPendingAndRefusedEntries() throws Exception {
    List<HttpExchange> x = parse(HarFixtures.FAILURES).of(HttpExchange.class);
    assertThat(x.get(0).failed()).isTrue();
    assertThat(x.get(0).error()).isEqualTo("net::ERR_CONNECTION_REFUSED");
    assertThat(x.get(1).error()).isEqualTo("net::ERR_CONNECTION_RESET"); // Playwright's _failureText
    assertThat(x.get(1).status()).isEqualTo(0); // Playwright writes -1
    assertThat(x.get(2).pending()).isTrue();
    assertThat(x.get(2).durationMs()).isEqualTo(20000.5);
    assertThat(x.get(3).status()).isEqualTo(400);
    assertThat(x.get(3).engineIoError()).isEqualTo(new EngineIoError(EngineIoError.UNKNOWN_SID, "Session ID unknown"));
    assertThat(x.get(3).responsePayload().framing()).isEqualTo(Framing.NOT_ENGINE_IO);
  }

  @Test
  void safariEmptyDatesGiveOneWarning() throws Exception {
    CollectingSink sink = parse(HarFixtures.SAFARI_EMPTY_DATES);
    assertThat(sink.of(HttpExchange.class)).hasSize(2).allSatisfy(x -> assertThat(x.time()).isNull());
    assertThat(sink.warnings).containsExactly("empty startedDateTime (Safari) in 2 entries; times unknown");
  }

  @Test
  void charlesCookieDatesStringStatusAndMissingObjects() throws Exception {
    CollectingSink sink = parse(HarFixtures.CHARLES_COOKIE_DATES);
    HttpExchange x = sink.of(HttpExchange.class).get(0);
    assertThat(x.status()).isEqualTo(200);
    assertThat(x.time()).isEqualTo(Instant.parse("2020-05-01T10:07:30Z"));
    assertThat(x.responsePayload().framing()).isEqualTo(Framing.LENGTH_PREFIXED);
    assertThat(sink.warnings).containsExactlyInAnyOrder(
        "cookie expires date that is not ISO 8601 (Charles, NaN-...) in 2 cookies"
            + " (first: \"Fri, 08-May-2020 10:07:30 GMT\"); ignored",
        "response.status written as a string in 1 entry; read as a number",
        "HAR 1.2 required fields missing in 1 entry (cache 1, timings 1); treated as empty");
  }

  @Test
  void entriesWithoutResponseArePendingAndWarnedOnce() throws Exception {
    String entry = "{\"startedDateTime\": \"2026-11-25T10:00:00Z\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"https://a/\", \"cookies\": []}}";
    CollectingSink sink = parse(HarFixtures.har(entry + ", " + entry));
    assertThat(sink.of(HttpExchange.class)).hasSize(2).allSatisfy(x -> assertThat(x.pending()).isTrue());
    assertThat(sink.warnings)
        .containsExactly("HAR 1.2 required fields missing in 2 entries (response 2); treated as empty");
  }

  @Test
  void minusOneTimingsAndMissingTime() throws Exception {
    CollectingSink sink = parse(HarFixtures.MINUS_ONE_TIMINGS);
    assertThat(sink.of(HttpExchange.class)).extracting(HttpExchange::durationMs).containsExactly(22.0, 33.5, -1.0);
    assertThat(sink.warnings).containsExactly("no usable time in 2 entries; duration taken from timings where known");
  }

  @Test
  void firefoxLocalOffsetsBecomeUtc() throws Exception {
    CollectingSink sink = parse(HarFixtures.FIREFOX_LOCAL_OFFSET);
    HttpExchange x = sink.of(HttpExchange.class).get(0);
    assertThat(x.time()).isEqualTo(Instant.parse("2015-05-29T14:10:30.424Z"));
    assertThat(x.responseBodySize()).isEqualTo(-1);
    assertThat(x.responsePayload().framing()).isEqualTo(Framing.EMPTY);
    assertThat(sink.warnings).containsExactly(
        "startedDateTime with a local UTC offset (Firefox) in 1 entry; converted to UTC");
  }

  @Test
  void byteOrderMarkIsSkipped() throws Exception {
    byte[] json = HarFixtures.CHROME_WEBSOCKET.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[json.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(json, 0, withBom, 3, json.length);
    assertThat(parser.sniff(withBom, withBom.length)).isTrue();
    CollectingSink sink = parse(withBom);
    assertThat(sink.records).hasSize(11);
    assertThat(sink.warnings).containsExactly("a UTF-8 byte-order mark at the start of the file; skipped");
  }

  @Test
  void utf16FilesWithAndWithoutByteOrderMark() throws Exception {
    for (Charset cs : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
      byte[] bytes = HarFixtures.CHROME_WEBSOCKET.getBytes(cs); // UTF_16 writes a big-endian BOM
      assertThat(parser.sniff(bytes, bytes.length)).as(cs.name()).isTrue();
      CollectingSink sink = parse(bytes);
      assertThat(sink.records).as(cs.name()).hasSize(11);
      assertThat(sink.warnings).containsExactly("the file is UTF-16 (saved by a Windows tool?); read as UTF-16");
    }
  }

  @Test
  void twentyFiveMillionCharacterBodyDoesNotFailTheFile() throws Exception {
    String huge = "A".repeat(25_000_000);
    String har = HarFixtures.har(
        HarFixtures.binaryBodyEntry(huge, "https://app.example/big.png") + ","
            + HarFixtures.binaryBodyEntry("AQID", "https://app.example/small.png"));
    CollectingSink sink = parse(har);
    List<HttpExchange> x = sink.of(HttpExchange.class);
    assertThat(x).hasSize(2);
    assertThat(x.get(0).responseBody()).hasSize(Bounds.KEPT_CHARS);
    assertThat(x.get(0).responseBodySize()).isEqualTo(18_750_000);
    assertThat(x.get(1).responseBody()).isEqualTo("AQID");
  }

  @Test
  void hugeTextPollingBodyIsKeptShortButItsPacketsAreDecoded() throws Exception {
    String message = "4" + "2[\"chunk\",\"" + "x".repeat(100_000) + "\"]";
    String body = (message + "\u001e").repeat(30) + "2";
    String entry = "{\"startedDateTime\": \"2026-11-25T10:00:00Z\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"/socket.io/?EIO=4&transport=polling&sid=s\", \"cookies\": []},"
        + " \"response\": {\"status\": 200, \"cookies\": [], \"content\": {\"mimeType\": \"text/plain\", \"text\": \""
        + body.replace("\"", "\\\"").replace("\u001e", "\\u001e") + "\"}}}";
    HttpExchange x = parse(HarFixtures.har(entry)).of(HttpExchange.class).get(0);
    assertThat(x.responseBody()).hasSize(Bounds.KEPT_CHARS);
    assertThat(x.responseBodySize()).isEqualTo(body.length());
    assertThat(x.responsePayload().packets()).hasSize(31);
    assertThat(x.responsePayload().packets().get(29).socketIo().eventName()).isEqualTo("chunk");
    assertThat(x.responsePayload().packets().stream().mapToInt(p -> p.data().length()).sum())
        .isLessThanOrEqualTo(Bounds.KEPT_CHARS);
  }

  @Test
  void truncatedFileFailsWithPositionAfterEmittingTheEntriesBeforeIt() throws Exception {
    String har = HarFixtures.CHROME_WEBSOCKET;
    String cut = har.substring(0, har.indexOf("\"data\": \"3probe\""));
    CollectingSink sink = new CollectingSink();
    assertThatThrownBy(() -> parser.parse(new ByteArrayInputStream(cut.getBytes(StandardCharsets.UTF_8)), "capture.har", sink))
        .isInstanceOf(InputError.class)
        .satisfies(e -> {
          InputError error = (InputError) e;
          assertThat(error.file()).isEqualTo("capture.har");
          assertThat(error.where()).matches("byte \\d+ \\(line \\d+, column \\d+\\)");
          assertThat(error.what()).startsWith("unexpected end of input inside entries[2]._webSocketMessages[1]");
          assertThat(error.getMessage()).startsWith("capture.har: byte ");
        });
    assertThat(sink.records).hasSize(2).allMatch(r -> r instanceof HttpExchange);
  }

  @Test
  void invalidJsonNamesTheEntry() {
    String broken = HarFixtures.CHROME_WEBSOCKET.replace("\"_priority\": \"High\"", "\"_priority\": Hig");
    assertThatThrownBy(() -> parse(broken))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("invalid JSON inside entries[0]: Unrecognized token of 3 characters")
        .hasMessageNotContaining("Hig"); // the token is the input's data (an unquoted password, say)
  }

  @Test
  void missingOrMistypedEntriesNameTheJsonPath() {
    assertThatThrownBy(() -> parse(HarFixtures.NO_ENTRIES))
        .isInstanceOf(InputError.class)
        .hasMessage("capture.har: log.entries: not found: the HAR has no entries array");
    assertThatThrownBy(() -> parse(HarFixtures.ENTRIES_NOT_AN_ARRAY))
        .isInstanceOf(InputError.class)
        .hasMessage("capture.har: log.entries: expected an array, found an object");
    assertThatThrownBy(() -> parse("{\"log\": []}"))
        .isInstanceOf(InputError.class)
        .hasMessage("capture.har: log: expected an object, found an array");
    assertThatThrownBy(() -> parse("[]"))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("expected a JSON object with a \"log\" member, found an array");
  }

  @Test
  void oddItemsInArraysAreSkippedButKeepTheirIndex() throws Exception {
    String har = HarFixtures.har("42, " + HarFixtures.binaryBodyEntry("AQID", "https://a/x.png"));
    CollectingSink sink = parse(har);
    assertThat(sink.records).singleElement().extracting(r -> r.location().location()).isEqualTo("entries[1]");
    assertThat(sink.warnings).containsExactly("not a JSON object in 1 log.entries item; skipped");
  }

  @Test
  void base64TextBodyIsDecoded() throws Exception {
    String entry = "{\"startedDateTime\": \"2026-11-25T10:00:00Z\", \"time\": 1, \"cache\": {}, \"timings\": {},"
        + " \"request\": {\"method\": \"GET\", \"url\": \"/socket.io/?EIO=4&transport=polling\", \"cookies\": []},"
        + " \"response\": {\"status\": 200, \"cookies\": [], \"content\": {\"mimeType\": \"text/plain; charset=UTF-8\","
        + " \"encoding\": \"base64\", \"text\": \"MHsic2lkIjoiYWJjIn0=\"}}}";
    HttpExchange x = parse(HarFixtures.har(entry)).of(HttpExchange.class).get(0);
    assertThat(x.responseBody()).isEqualTo("0{\"sid\":\"abc\"}");
    assertThat(x.handshake().sid()).isEqualTo("abc");
    assertThat(x.responseBodySize()).isEqualTo(14);
  }

  @Test
  void sniffsHarsButNotJsonLogs() {
    assertThat(sniff(HarFixtures.CHROME_WEBSOCKET)).isTrue();
    assertThat(sniff("  \n{\"comment\": \"exported\", \"log\": {\"version\": \"1.2\"}}")).isTrue();
    assertThat(sniff("{\"level\":30,\"time\":1764064800000,\"msg\":\"engine handshaking\"}\n{\"level\":30}")).isFalse();
    assertThat(sniff("{\"log\":\"engine handshaking client\\n\",\"stream\":\"stderr\",\"time\":\"2026-11-25T10:00:00Z\"}"))
        .isFalse(); // Docker's json-file log driver
    assertThat(sniff("{\"log\": {\"level\": \"info\"}}")).isFalse();
    assertThat(sniff("2026-11-25T10:00:00Z engine handshaking client \"abc\"")).isFalse();
    assertThat(sniff("")).isFalse();
  }

  private boolean sniff(String head) {
    byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
    return parser.sniff(bytes, bytes.length);
  }

  @Test
  void recordsCarryTheirEntryLocation() throws Exception {
    for (Record r : parse(HarFixtures.FAILURES).records) {
      assertThat(r.location().file()).isEqualTo("capture.har");
    }
  }
}
