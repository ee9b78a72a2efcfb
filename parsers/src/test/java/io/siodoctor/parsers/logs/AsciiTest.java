package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiTest {

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
            assertThat(Ascii.indexOf(b, from, end, c)).isEqualTo(naiveIndexOf(b, from, end, c));
          }
        }
      }
    }
  }

  @Test
  void indexOfFindsTheFirstOfAdjacentMatches() {
    byte[] b = "xxxxxxx\"\"\"xxxxxxxxxxx\"".getBytes();
    assertThat(Ascii.indexOf(b, 0, b.length, (byte) '"')).isEqualTo(7);
    assertThat(Ascii.indexOf(b, 8, b.length, (byte) '"')).isEqualTo(8);
    assertThat(Ascii.indexOf(b, 10, b.length, (byte) '"')).isEqualTo(b.length - 1);
    assertThat(Ascii.indexOf(b, 10, b.length - 1, (byte) '"')).isEqualTo(-1);
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
          assertThat(Ascii.asciiWithout(b, from, to, (byte) '%', (byte) '+', (byte) '#'))
              .isEqualTo(expected);
        }
      }
    }
  }
}
