package io.siodoctor.parsers.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {

  private static List<String> lines(InputStream in, int buffer, int max, List<Boolean> cut)
      throws IOException {
    List<String> out = new ArrayList<>();
    LineScanner.scan(
        in,
        (b, s, e, n, t) -> {
          assertThat(n).isEqualTo(out.size() + 1);
          out.add(new String(b, s, e - s, StandardCharsets.UTF_8));
          if (cut != null) {
            cut.add(t);
          }
        },
        buffer,
        max);
    return out;
  }

  private static InputStream in(String s) {
    return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns at most 3 bytes per read, to exercise every buffer boundary. */
  private static InputStream trickle(String s) {
    return new FilterInputStream(in(s)) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 3));
      }
    };
  }

  @Test
  void lineEndsAndBlankLines() throws IOException {
    assertThat(lines(in("a\nb\r\n\nc"), 1 << 20, 1 << 20, null)).containsExactly("a", "b", "", "c");
    assertThat(lines(in(""), 16, 1 << 20, null)).isEmpty();
    assertThat(lines(in("\n"), 16, 1 << 20, null)).containsExactly("");
    assertThat(lines(in("x\r"), 16, 1 << 20, null)).containsExactly("x");
  }

  @Test
  void smallBuffersGrowAndTrickledReadsJoin() throws IOException {
    String text = "first line that is longer than sixteen bytes\nshort\n\u00e9t\u00e9 – unicode ✓\nlast";
    assertThat(lines(in(text), 16, 1 << 20, null))
        .containsExactly("first line that is longer than sixteen bytes", "short", "\u00e9t\u00e9 – unicode ✓", "last");
    assertThat(lines(trickle(text), 16, 1 << 20, null))
        .containsExactly("first line that is longer than sixteen bytes", "short", "\u00e9t\u00e9 – unicode ✓", "last");
  }

  @Test
  void byteOrderMarkIsSkipped() throws IOException {
    byte[] b = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i', '\n', 'x'};
    assertThat(lines(new ByteArrayInputStream(b), 16, 1 << 20, null)).containsExactly("hi", "x");
  }

  @Test
  void overLongLinesAreCutAndTheRestSkipped() throws IOException {
    String longLine = "L".repeat(100);
    List<Boolean> cut = new ArrayList<>();
    List<String> out = lines(in("ok\n" + longLine + "\nafter\n" + longLine), 16, 32, cut);
    assertThat(out).hasSize(4);
    assertThat(out.get(0)).isEqualTo("ok");
    assertThat(out.get(1)).hasSize(32);
    assertThat(out.get(2)).isEqualTo("after");
    assertThat(out.get(3)).hasSize(32);
    assertThat(cut).containsExactly(false, true, false, true);
  }
}
