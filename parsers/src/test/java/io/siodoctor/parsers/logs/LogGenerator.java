package io.siodoctor.parsers.logs;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;

/**
 * Writes a realistic log for {@link LogParseBench}: {@code LogGenerator <out> <megabytes>
 * [mixed|debug|nginx]}. The lines are the real lines of the sample captures and of the tests
 * (engine.io 6 / socket.io 4 {@code DEBUG=engine*,socket.io*} output and nginx combined access
 * lines with {@code $upstream_addr $request_time}), with fresh sids and rising times. About 55% of
 * the mixed file is debug output and 45% nginx lines; about 0.1% are failure lines (unknown sid,
 * ping timeout, transport close / error), as in the tech notes' 1 GB anchor file. Deterministic
 * (fixed seed).
 */
public final class LogGenerator {

  private static final String[] SESSION_DEBUG = {
    "engine intercepting request for path \"/socket.io/\"",
    "engine handling \"GET\" http request \"/socket.io/?EIO=4&transport=polling&t=%T\"",
    "engine no middleware to apply, skipping",
    "engine handshaking client \"%S\"",
    "engine:socket readyState updated from opening to open",
    "engine:socket sending packet \"open\" ({\"sid\":\"%S\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000})",
    "engine:polling setting request",
    "engine:socket flushing buffer to transport",
    "engine:polling writing \"0{\"sid\":\"%S\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}\"",
    "engine:socket executing batch send callback",
    "socket.io:server incoming connection with id %S",
    "engine intercepting request for path \"/socket.io/\"",
    "engine handling \"POST\" http request \"/socket.io/?EIO=4&transport=polling&t=%T&sid=%S\"",
    "engine no middleware to apply, skipping",
    "engine setting new request for existing client",
    "engine:polling received \"40\"",
    "engine:socket received packet message",
    "socket.io-parser decoded 0 as {\"type\":0,\"nsp\":\"/\"}",
    "socket.io:client connecting to namespace /",
    "socket.io:namespace adding socket to nsp /",
    "socket.io:socket socket connected - writing packet",
    "socket.io:socket join room %X",
    "socket.io-parser encoding packet {\"type\":0,\"data\":{\"sid\":\"%X\"},\"nsp\":\"/\"}",
    "socket.io-parser encoded {\"type\":0,\"data\":{\"sid\":\"%X\"},\"nsp\":\"/\"} as 0{\"sid\":\"%X\"}",
    "engine:socket sending packet \"message\" (0{\"sid\":\"%X\"})",
    "engine intercepting request for path \"/socket.io/\"",
    "engine handling \"GET\" http request \"/socket.io/?EIO=4&transport=websocket&sid=%S\"",
    "engine upgrading existing transport",
    "engine:socket might upgrade socket transport from \"polling\" to \"websocket\"",
    "engine:ws received \"2probe\"",
    "engine:socket got probe ping packet, sending pong",
    "engine:ws writing \"3probe\"",
    "engine:socket writing a noop packet to polling for fast upgrade",
    "engine:ws received \"5\"",
    "engine:socket got upgrade packet - upgrading",
    "engine:socket writing ping packet - expecting pong within 20000ms",
    "engine:ws writing \"2\"",
    "engine:ws received \"3\"",
    "engine:socket received packet pong",
    "engine:socket got pong",
    "engine:ws received \"42[\\\"hello\\\",\\\"hello 1\\\"]\"",
    "socket.io-parser decoded 2[\"hello\",\"hello 1\"] as {\"type\":2,\"nsp\":\"/\",\"data\":[\"hello\",\"hello 1\"]}",
    "socket.io:socket got packet {\"type\":2,\"nsp\":\"/\",\"data\":[\"hello\",\"hello 1\"]}",
    "socket.io:socket emitting event [\"hello\",\"hello 1\"]",
    "socket.io:socket dispatching an event [\"hello\",\"hello 1\"]",
  };

  private static final String[] FAILURES = {
    "engine unknown sid \"%S\"",
    "socket.io:client client close with reason ping timeout",
    "socket.io:socket closing socket - reason ping timeout",
    "socket.io:client client close with reason transport close",
    "socket.io:socket closing socket - reason transport close",
    "engine:socket transport error",
    "socket.io:client client close with reason transport error",
  };

  private static final String UA =
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
          + " HeadlessChrome/156.0.0.0 Safari/537.36";

  private static final String[] NGINX = {
    "\"GET /socket.io/?EIO=4&transport=polling&t=%T HTTP/1.1\" 200 118 \"http://127.0.0.1:47021/\" \"%U\" 127.0.0.1:47022 0.012",
    "\"POST /socket.io/?EIO=4&transport=polling&t=%T&sid=%S HTTP/1.1\" 200 2 \"http://127.0.0.1:47021/\" \"%U\" 127.0.0.1:47022 0.002",
    "\"GET /socket.io/?EIO=4&transport=polling&t=%T&sid=%S HTTP/1.1\" 200 32 \"http://127.0.0.1:47021/\" \"%U\" 127.0.0.1:47022 0.009",
    "\"GET /socket.io/?EIO=4&transport=websocket&sid=%S HTTP/1.1\" 101 8 \"-\" \"%U\" 127.0.0.1:47112 45.005",
    "\"GET /vendor/v4/socket.io.js HTTP/1.1\" 200 154232 \"http://127.0.0.1:47021/\" \"%U\" 127.0.0.1:47023 0.011",
  };

  private static final String[] NGINX_FAIL = {
    "\"POST /socket.io/?EIO=4&transport=polling&t=%T&sid=%S HTTP/1.1\" 400 52 \"http://127.0.0.1:47021/\" \"%U\" 127.0.0.1:47023 0.002",
  };

  private static final DateTimeFormatter CLF =
      DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: LogGenerator <out> <megabytes> [mixed|debug|nginx]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    long target = Long.parseLong(args[1]) * 1_000_000L;
    String mode = args.length > 2 ? args[2] : "mixed";
    long written = write(out, target, mode);
    System.out.println("wrote " + written + " bytes to " + out);
  }

  static long write(Path out, long target, String mode) throws IOException {
    Random rnd = new Random(42);
    long t = Instant.parse("2026-11-26T03:00:00Z").toEpochMilli();
    long written = 0;
    StringBuilder sb = new StringBuilder(512);
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
      int step = 0;
      String sid = sid(rnd);
      String sioId = sid(rnd);
      while (written < target) {
        sb.setLength(0);
        t += rnd.nextInt(3);
        boolean nginx =
            mode.equals("nginx") || (mode.equals("mixed") && rnd.nextInt(100) < 45);
        boolean fail = rnd.nextInt(1000) == 0;
        if (nginx) {
          String tpl = fail ? NGINX_FAIL[0] : NGINX[rnd.nextInt(NGINX.length)];
          sb.append("127.0.0.1 - - [").append(CLF.format(Instant.ofEpochMilli(t))).append("] ");
          fill(sb, tpl, sid, sioId, rnd);
        } else {
          String tpl;
          if (fail) {
            tpl = FAILURES[rnd.nextInt(FAILURES.length)];
          } else {
            tpl = SESSION_DEBUG[step];
            step++;
            if (step == SESSION_DEBUG.length) {
              step = 0;
              sid = sid(rnd);
              sioId = sid(rnd);
            }
          }
          sb.append(Instant.ofEpochMilli(t).toString().replace("Z", ""));
          if (sb.length() == 19) {
            sb.append(".000");
          }
          sb.append("Z ");
          fill(sb, tpl, sid, sioId, rnd);
        }
        sb.append('\n');
        byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
        os.write(b);
        written += b.length;
      }
    }
    return written;
  }

  private static void fill(StringBuilder sb, String tpl, String sid, String sioId, Random rnd) {
    for (int i = 0; i < tpl.length(); i++) {
      char c = tpl.charAt(i);
      if (c == '%' && i + 1 < tpl.length()) {
        char k = tpl.charAt(++i);
        switch (k) {
          case 'S':
            sb.append(sid);
            break;
          case 'X':
            sb.append(sioId);
            break;
          case 'T':
            sb.append(Long.toString(rnd.nextLong() & 0xffffffffffL, 36));
            break;
          case 'U':
            sb.append(UA);
            break;
          default:
            sb.append('%').append(k);
        }
      } else {
        sb.append(c);
      }
    }
  }

  private static final String B64 =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  private static String sid(Random rnd) {
    char[] c = new char[20];
    for (int i = 0; i < 16; i++) {
      c[i] = B64.charAt(rnd.nextInt(64));
    }
    c[16] = 'A';
    c[17] = 'A';
    c[18] = 'A';
    c[19] = B64.charAt(rnd.nextInt(8));
    return new String(c);
  }
}
