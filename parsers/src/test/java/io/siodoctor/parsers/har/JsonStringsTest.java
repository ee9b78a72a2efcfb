package io.siodoctor.parsers.har;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time scan that steps over escapes answers as the plain loop over {@link JsonStrings#special} and {@link JsonStrings#escape}. */
class JsonStringsTest {
  private interface Scan {
    int at(byte[] b, int from, int end);
  }

  /**
   * The first special byte that is not the start of an escape Jackson reads, as the splitter finds
   * it with {@code scan} (which may stop at an escape it leaves to its caller, as near the end).
   */
  private static int firstNotEscape(Scan scan, byte[] b, int from, int end) {
    int i = from;
    while (true) {
      int at = scan.at(b, i, end);
      if (at == end || b[at] != '\\') {
        return at;
      }
      int n = JsonStrings.escape(b, at, end);
      if (n <= 0) {
        return at;
      }
      i = at + n;
    }
  }

  @Test
  void specialAfterEscapesStepsOverExactlyTheValidEscapes() {
    byte[] alphabet = "ab\"\\\\\\unrtbf/0Fg9x\u0001\u00e9 #!\u001f\u007f\u00a2\u00dc\u0080\u00ff]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Random random = new Random(15);
    for (int round = 0; round < 20_000; round++) {
      byte[] b = new byte[1 + random.nextInt(40)];
      for (int k = 0; k < b.length; k++) {
        b[k] = alphabet[random.nextInt(alphabet.length)];
      }
      int from = random.nextInt(b.length);
      int end = from + random.nextInt(b.length - from + 1);
      int special = from;
      while (special < end && (b[special] & 0xFF) >= 0x20 && (b[special] & 0xFF) < 0x80 && b[special] != '"'
          && b[special] != '\\') {
        special++;
      }
      assertEquals(special, JsonStrings.special(b, from, end), "special");
      int quick = JsonStrings.specialAfterEscapes(b, from, end);
      assertEquals(JsonStrings.special(b, quick, end), quick, "a special byte");
      assertEquals(firstNotEscape(JsonStrings::special, b, from, end),
          firstNotEscape(JsonStrings::specialAfterEscapes, b, from, end),
          new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + " [" + from + ", " + end + ")");
    }
  }

  @Test
  void exactSpecialFlagsFlagEverySpecialByteAndNoOther() {
    Random random = new Random(16);
    for (int round = 0; round < 200_000; round++) {
      long w = random.nextLong();
      // words of bytes next to the special ones too, where a borrow would flag a neighbour
      for (int k = 0; k < 8; k++) {
        if (random.nextInt(3) == 0) {
          long near = new long[] {'"', '\\', 0x1f, 0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0x00, 0x01}[random.nextInt(12)];
          w = (w & ~(0xffL << (8 * k))) | (near << (8 * k));
        }
      }
      long flags = JsonStrings.exactSpecialFlags(w);
      for (int k = 0; k < 8; k++) {
        int c = (int) (w >>> (8 * k)) & 0xff;
        boolean special = c == '"' || c == '\\' || c < 0x20 || c >= 0x80;
        assertEquals(special, (flags >>> (8 * k + 7) & 1) == 1, Long.toHexString(w) + " byte " + k);
      }
      assertEquals(0, flags & ~0x8080808080808080L, "only the high bits");
    }
  }

  @Test
  void quoteNotAfterBackslashAnswersAsTheByteLoop() {
    byte[] alphabet = "\"\\\\\"a{ \u00dc\u00a2#]".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    Random random = new Random(17);
    for (int round = 0; round < 50_000; round++) {
      byte[] b = new byte[1 + random.nextInt(40)];
      for (int k = 0; k < b.length; k++) {
        b[k] = alphabet[random.nextInt(alphabet.length)];
      }
      int from = random.nextInt(b.length + 1);
      int end = from + random.nextInt(b.length - from + 1);
      int plain = -1;
      for (int i = from; i < end && plain < 0; i++) {
        if (b[i] == '"' && (i == 0 || b[i - 1] != '\\')) {
          plain = i;
        }
      }
      assertEquals(plain, JsonStrings.quoteNotAfterBackslash(b, from, end),
          new String(b, java.nio.charset.StandardCharsets.ISO_8859_1) + " [" + from + ", " + end + ")");
    }
  }
}
