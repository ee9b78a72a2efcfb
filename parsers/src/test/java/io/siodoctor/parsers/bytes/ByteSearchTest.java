package io.siodoctor.parsers.bytes;

import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.fuzz.FuzzChecks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteSearchTest {

  private static int naiveIndexOf(byte[] b, int from, int end, byte c) {
    for (int i = from; i < end; i++) {
      if (b[i] == c) {
        return i;
      }
    }
    return -1;
  }

  /** The eight-at-a-time search finds what a byte loop finds, for every range and byte value. */
  @Test
  void indexOfAgreesWithAByteLoop() {
    Random r = new Random(42);
    byte[] alphabet = {'"', ' ', '\\', '=', 'a', 0, (byte) 0x80, (byte) 0xff, (byte) 0x7f, 0x01, (byte) 0xa2};
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(3) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
      }
      for (int from = 0; from <= b.length; from++) {
        for (int end = from; end <= b.length; end += 1 + r.nextInt(3)) {
          for (byte c : alphabet) {
            assertThat(ByteSearch.indexOf(b, from, end, c)).isEqualTo(naiveIndexOf(b, from, end, c));
          }
        }
      }
    }
  }

  /** The eight-at-a-time count counts what a byte loop counts, adjacent matches and 0x01 after 0x00 included. */
  @Test
  void countAgreesWithAByteLoop() {
    Random r = new Random(7);
    byte[] alphabet = {'\n', 0x0b, '\r', 0, 0x01, (byte) 0x80, (byte) 0x8a, (byte) 0xff, 'a'};
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(2) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
      }
      for (int from = 0; from <= b.length; from++) {
        for (int end = from; end <= b.length; end += 1 + r.nextInt(3)) {
          for (byte c : alphabet) {
            long naive = 0;
            for (int i = from; i < end; i++) {
              naive += b[i] == c ? 1 : 0;
            }
            assertThat(ByteSearch.count(b, from, end, c)).isEqualTo(naive);
          }
        }
      }
    }
  }

  @Test
  void indexOfFindsTheFirstOfAdjacentMatches() {
    byte[] b = "xxxxxxx\"\"\"xxxxxxxxxxx\"".getBytes();
    assertThat(ByteSearch.indexOf(b, 0, b.length, (byte) '"')).isEqualTo(7);
    assertThat(ByteSearch.indexOf(b, 8, b.length, (byte) '"')).isEqualTo(8);
    assertThat(ByteSearch.indexOf(b, 10, b.length, (byte) '"')).isEqualTo(b.length - 1);
    assertThat(ByteSearch.indexOf(b, 10, b.length - 1, (byte) '"')).isEqualTo(-1);
  }

  @Test
  void occurringAgreesWithAByteLoop() {
    Random r = new Random(11);
    byte[] alphabet = {'M', '=', 'y', 'F', 0, (byte) 0x80, (byte) 0xcd, (byte) 0xbd, (byte) 0xff};
    for (int round = 0; round < 2000; round++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(6) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(26));
      }
      for (int from = 0; from <= b.length; from++) {
        for (int to = from; to <= b.length; to++) {
          int expected = 0;
          for (int i = from; i < to; i++) {
            expected |= (b[i] == 'M' ? 1 : 0) | (b[i] == '=' ? 2 : 0);
          }
          assertThat(ByteSearch.occurring(b, from, to, (byte) 'M', (byte) '=')).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void asciiWithoutAgreesWithAByteLoop() {
    Random r = new Random(7);
    byte[] alphabet = {'%', '+', '#', 'a', '/', '?', 0, (byte) 0x80, (byte) 0xc3, (byte) 0xff, 0x7f};
    for (int round = 0; round < 3000; round++) {
      byte[] b = new byte[r.nextInt(30)];
      for (int i = 0; i < b.length; i++) {
        b[i] = r.nextInt(4) == 0 ? alphabet[r.nextInt(alphabet.length)] : (byte) ('a' + r.nextInt(26));
      }
      for (int from = 0; from <= b.length; from++) {
        for (int to = from; to <= b.length; to++) {
          boolean expected = true;
          for (int i = from; i < to; i++) {
            if (b[i] < 0 || b[i] == '%' || b[i] == '+' || b[i] == '#') {
              expected = false;
            }
          }
          assertThat(ByteSearch.asciiWithout(b, from, to, (byte) '%', (byte) '+', (byte) '#'))
              .isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void newlineSearchAgreesWithAPlainLoop() {
    byte[] b = new byte[200];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) ('a' + i % 26);
    }
    for (int pos : new int[] {0, 1, 7, 8, 9, 63, 64, 150, 199}) {
      byte[] c = b.clone();
      c[pos] = '\n';
      for (int from = 0; from <= pos; from += 5) {
        assertThat(ByteSearch.indexOf(c, from, c.length, (byte) '\n')).isEqualTo(pos);
      }
      assertThat(ByteSearch.indexOf(c, pos + 1, c.length, (byte) '\n')).isEqualTo(-1);
      assertThat(ByteSearch.indexOf(c, 0, pos, (byte) '\n')).isEqualTo(-1);
    }
    // bytes just above '\n' and high bytes must not match
    byte[] d = {0x0B, 0x09, (byte) 0x8A, (byte) 0xFF, 0x0B, 0x0B, 0x0B, 0x0B, 0x0B, 0x0A};
    assertThat(ByteSearch.indexOf(d, 0, d.length, (byte) '\n')).isEqualTo(9);
  }

  /** The real inputs: every sample capture, searched from many offsets for the bytes parsers look for. */
  @Test
  void agreesWithAByteLoopOnTheSampleCaptures() throws IOException {
    byte[] wanted = {'\n', '"', ' ', '&', '=', '?', '%', '+', '#', '[', (byte) 0xe2};
    for (Path file : FuzzChecks.sampleCaptureFiles()) {
      byte[] b = Files.readAllBytes(file);
      int step = Math.max(1, b.length / 500);
      for (int from = 0; from < b.length; from += step) {
        int to = Math.min(b.length, from + 1 + (from * 31 % 4096));
        for (byte c : wanted) {
          assertThat(ByteSearch.indexOf(b, from, to, c)).as(file + " @" + from)
              .isEqualTo(naiveIndexOf(b, from, to, c));
        }
        assertThat(ByteSearch.asciiWithout(b, from, to, (byte) '%', (byte) '+', (byte) '#'))
            .as(file + " @" + from).isEqualTo(naiveAsciiWithout(b, from, to));
      }
    }
  }

  private static boolean naiveAsciiWithout(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0 || b[i] == '%' || b[i] == '+' || b[i] == '#') {
        return false;
      }
    }
    return true;
  }

  /** The word-level steps flag exactly the right lowest byte, against a byte-by-byte answer. */
  @Test
  void wordStepsFlagTheFirstMatchingByte() {
    Random r = new Random(5);
    byte[] b = new byte[8];
    byte[] alphabet = {0, 1, 0x1f, 0x20, '"', '\\', 'a', 0x7f, (byte) 0x80, (byte) 0xff};
    for (int round = 0; round < 200_000; round++) {
      for (int k = 0; k < 8; k++) {
        b[k] = r.nextBoolean() ? alphabet[r.nextInt(alphabet.length)] : (byte) r.nextInt(256);
      }
      long w = ByteSearch.word(b, 0);
      byte c = alphabet[r.nextInt(alphabet.length)];
      assertThat(first(ByteSearch.zeroBytes(w ^ ByteSearch.broadcast(c)))).isEqualTo(firstWhere(b, x -> x == c));
      assertThat(first(ByteSearch.bytesBelow(w, 0x20))).isEqualTo(firstWhere(b, x -> x >= 0 && x < 0x20));
      assertThat(first(ByteSearch.highBytes(w))).isEqualTo(firstWhere(b, x -> x < 0));
    }
  }

  @org.junit.jupiter.api.Test
  void firstFlaggedIsTheLowestFlaggedByteOfEveryFlagWord() {
    for (int set = 1; set < 256; set++) {
      long flags = 0;
      for (int k = 0; k < 8; k++) {
        if ((set & (1 << k)) != 0) {
          flags |= 0x80L << (8 * k);
        }
      }
      org.junit.jupiter.api.Assertions.assertEquals(Long.numberOfTrailingZeros(flags) >>> 3,
          ByteSearch.firstFlagged(flags), Long.toHexString(flags));
    }
  }

  private static int first(long flags) {
    return flags == 0 ? -1 : ByteSearch.firstFlagged(flags);
  }

  private interface BytePredicate {
    boolean test(byte b);
  }

  private static int firstWhere(byte[] b, BytePredicate p) {
    for (int k = 0; k < b.length; k++) {
      if (p.test(b[k])) {
        return k;
      }
    }
    return -1;
  }

  /** Every zero byte flagged and no other, where the borrow of {@link ByteSearch#zeroBytes} flags a 0x01 above a zero. */
  @Test
  void zeroBytesExactFlagsEveryZeroByteAndNoOther() {
    Random r = new Random(43);
    long[] near = {0x00, 0x01, 0x7f, 0x80, 0x81, 0xff};
    for (int round = 0; round < 100_000; round++) {
      long x = r.nextLong();
      for (int k = 0; k < 8; k++) {
        if (r.nextInt(2) == 0) {
          x = (x & ~(0xffL << (8 * k))) | (near[r.nextInt(near.length)] << (8 * k));
        }
      }
      long flags = ByteSearch.zeroBytesExact(x);
      for (int k = 0; k < 8; k++) {
        boolean zero = ((x >>> (8 * k)) & 0xff) == 0;
        assertThat((flags >>> (8 * k + 7) & 1) == 1).as(Long.toHexString(x) + " byte " + k).isEqualTo(zero);
      }
      assertThat(flags & ~0x8080808080808080L).isZero();
    }
  }
}
