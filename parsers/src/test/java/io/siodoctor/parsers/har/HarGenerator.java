package io.siodoctor.parsers.har;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large Chrome-style HAR by repeating one Socket.IO session: a polling handshake with an
 * {@code _initiator} stack, a CONNECT POST, and a WebSocket entry with a few {@code
 * _webSocketMessages}. Used by the streaming test and by {@link HarParseBench}.
 */
final class HarGenerator {
  /** Records one repetition gives: 3 exchanges and 5 frames. */
  static final int RECORDS_PER_SESSION = 8;

  private HarGenerator() {}

  /**
   * @return the number of records the file will parse into
   */
  static long write(Path file, long targetBytes) throws IOException {
    long sessions = 0;
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 20)) {
      out.write("{\"log\": {\"version\": \"1.2\", \"creator\": {\"name\": \"WebInspector\", \"version\": \"537.36\"},"
          + " \"pages\": [], \"entries\": [\n");
      long written = 0;
      while (written < targetBytes) {
        String session = session(sessions);
        if (sessions > 0) {
          out.write(",\n");
        }
        out.write(session);
        written += session.length() + 2;
        sessions++;
      }
      out.write("\n]}}\n");
    }
    return sessions * RECORDS_PER_SESSION;
  }

  private static String session(long n) {
    String sid = String.format("gen%017d", n);
    String t = "2026-11-25T10:00:00.000Z";
    double epoch = 1_795_600_800d + n;
    String initiator = "\"_initiator\": {\"type\": \"script\", \"stack\": {\"callFrames\": ["
        + "{\"functionName\": \"Polling.doPoll\", \"scriptId\": \"42\", \"url\": \"https://app.example/assets/socket.io.min.js\", \"lineNumber\": 6, \"columnNumber\": 18213},".repeat(6)
        + "{\"functionName\": \"\", \"scriptId\": \"43\", \"url\": \"https://app.example/main.js\", \"lineNumber\": 1, \"columnNumber\": 1}]}}";
    String handshake = "0{\\\"sid\\\":\\\"" + sid + "\\\",\\\"upgrades\\\":[\\\"websocket\\\"],\\\"pingInterval\\\":25000,"
        + "\\\"pingTimeout\\\":20000,\\\"maxPayload\\\":1000000}";
    return "{" + initiator + ", \"_priority\": \"High\", \"_resourceType\": \"xhr\", \"cache\": {}, \"connection\": \"443\","
        + " \"request\": {\"method\": \"GET\", \"url\": \"https://app.example/socket.io/?EIO=4&transport=polling&t=N8hyd6w\","
        + " \"httpVersion\": \"HTTP/1.1\", \"headers\": [{\"name\": \"Accept\", \"value\": \"*/*\"}, {\"name\": \"User-Agent\","
        + " \"value\": \"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36\"}],"
        + " \"queryString\": [], \"cookies\": [], \"headersSize\": -1, \"bodySize\": 0},"
        + " \"response\": {\"status\": 200, \"statusText\": \"OK\", \"httpVersion\": \"HTTP/1.1\","
        + " \"headers\": [{\"name\": \"Content-Type\", \"value\": \"text/plain; charset=UTF-8\"}], \"cookies\": [],"
        + " \"content\": {\"size\": 118, \"mimeType\": \"text/plain\", \"text\": \"" + handshake + "\"},"
        + " \"redirectURL\": \"\", \"headersSize\": -1, \"bodySize\": -1, \"_transferSize\": 300, \"_error\": null},"
        + " \"serverIPAddress\": \"127.0.0.1\", \"startedDateTime\": \"" + t + "\", \"time\": 12.345,"
        + " \"timings\": {\"blocked\": 1.123, \"dns\": -1, \"ssl\": -1, \"connect\": -1, \"send\": 0.1, \"wait\": 10.2, \"receive\": 0.922}},\n"
        + "{" + initiator + ", \"_resourceType\": \"xhr\", \"cache\": {},"
        + " \"request\": {\"method\": \"POST\", \"url\": \"https://app.example/socket.io/?EIO=4&transport=polling&t=N8hyd7a&sid=" + sid + "\","
        + " \"httpVersion\": \"HTTP/1.1\", \"headers\": [], \"queryString\": [], \"cookies\": [], \"headersSize\": -1, \"bodySize\": 2,"
        + " \"postData\": {\"mimeType\": \"text/plain;charset=UTF-8\", \"text\": \"40\"}},"
        + " \"response\": {\"status\": 200, \"statusText\": \"OK\", \"httpVersion\": \"HTTP/1.1\", \"headers\": [], \"cookies\": [],"
        + " \"content\": {\"size\": 2, \"mimeType\": \"text/html\", \"text\": \"ok\"}, \"redirectURL\": \"\", \"headersSize\": -1, \"bodySize\": -1},"
        + " \"startedDateTime\": \"" + t + "\", \"time\": 3.5, \"timings\": {\"send\": 0.5, \"wait\": 2.5, \"receive\": 0.5}},\n"
        + "{\"_resourceType\": \"websocket\", \"_webSocketMessages\": ["
        + "{\"type\": \"send\", \"time\": " + (epoch + 0.5) + ", \"opcode\": 1, \"data\": \"2probe\"},"
        + "{\"type\": \"receive\", \"time\": " + (epoch + 0.501) + ", \"opcode\": 1, \"data\": \"3probe\"},"
        + "{\"type\": \"send\", \"time\": " + (epoch + 0.502) + ", \"opcode\": 1, \"data\": \"5\"},"
        + "{\"type\": \"receive\", \"time\": " + (epoch + 0.6) + ", \"opcode\": 1, \"data\": \"42[\\\"news\\\",{\\\"hello\\\":\\\"world\\\"}]\"},"
        + "{\"type\": \"receive\", \"time\": " + (epoch + 0.7) + ", \"opcode\": 2, \"data\": \"AQIDBA==\"}],"
        + " \"cache\": {}, \"request\": {\"method\": \"GET\", \"url\": \"wss://app.example/socket.io/?EIO=4&transport=websocket&sid=" + sid + "\","
        + " \"httpVersion\": \"HTTP/1.1\", \"headers\": [], \"queryString\": [], \"cookies\": [], \"headersSize\": -1, \"bodySize\": 0},"
        + " \"response\": {\"status\": 101, \"statusText\": \"Switching Protocols\", \"httpVersion\": \"HTTP/1.1\", \"headers\": [],"
        + " \"cookies\": [], \"content\": {\"size\": 0, \"mimeType\": \"x-unknown\"}, \"redirectURL\": \"\", \"headersSize\": -1, \"bodySize\": 0},"
        + " \"startedDateTime\": \"" + t + "\", \"time\": 0.85, \"timings\": {\"blocked\": 0.2, \"send\": 0, \"wait\": 0.65, \"receive\": 0}}";
  }
}
