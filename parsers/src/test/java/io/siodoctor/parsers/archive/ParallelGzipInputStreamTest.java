package io.siodoctor.parsers.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.siodoctor.parsers.FastPaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parallel gzip reader gives exactly the bytes of {@link GZIPInputStream}, and through the walker
 * exactly the members and errors of the sequential decompressor, whatever the members look like.
 */
class ParallelGzipInputStreamTest {
  @TempDir
  Path dir;

  @AfterEach
  void plainPaths() {
    System.clearProperty(FastPaths.FORCE_PROPERTY);
  }

  private static final int[] SEGMENTS = {64, 257, 1000, 4096, 1 << 16};

  // ---- building gzip members -------------------------------------------------------------------

  private static byte[] logText(int lines, long seed) {
    Random r = new Random(seed);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      sb.append("2026-11-24T03:").append(10 + r.nextInt(50)).append(':').append(10 + r.nextInt(50))
          .append(" engine:socket sid=").append(Long.toHexString(r.nextLong())).append(" packet ")
          .append(r.nextInt(7)).append(" ").append("x".repeat(r.nextInt(40))).append('\n');
    }
    return sb.toString().getBytes(UTF_8);
  }

  /** One member: header with the given flags and fields, deflate data at {@code level}, trailer. */
  private static byte[] member(byte[] data, int level, byte[] extra, String name, String comment, boolean hcrc) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int flags = (extra != null ? 4 : 0) | (name != null ? 8 : 0) | (comment != null ? 16 : 0) | (hcrc ? 2 : 0);
    out.writeBytes(new byte[] {0x1f, (byte) 0x8b, 8, (byte) flags, 0, 0, 0, 0, 0, 3});
    if (extra != null) {
      out.write(extra.length & 0xff);
      out.write(extra.length >> 8);
      out.writeBytes(extra);
    }
    if (name != null) {
      out.writeBytes(name.getBytes(UTF_8));
      out.write(0);
    }
    if (comment != null) {
      out.writeBytes(comment.getBytes(UTF_8));
      out.write(0);
    }
    if (hcrc) {
      CRC32 c = new CRC32();
      c.update(out.toByteArray());
      out.write((int) c.getValue() & 0xff);
      out.write((int) (c.getValue() >> 8) & 0xff);
    }
    out.writeBytes(deflate(data, level));
    CRC32 crc = new CRC32();
    crc.update(data);
    le32(out, crc.getValue());
    le32(out, data.length);
    return out.toByteArray();
  }

  private static byte[] member(byte[] data) {
    return member(data, 6, null, null, null, false);
  }

  /** A bgzip block: FEXTRA with the BC subfield giving the block's size minus one. */
  private static byte[] bgzipBlock(byte[] data) {
    byte[] deflated = deflate(data, 6);
    int size = 18 + deflated.length + 8;
    byte[] bc = {'B', 'C', 2, 0, (byte) ((size - 1) & 0xff), (byte) ((size - 1) >> 8)};
    byte[] m = member(data, 6, bc, null, null, false);
    assertThat(m.length).isEqualTo(size);
    return m;
  }

  private static byte[] deflate(byte[] data, int level) {
    Deflater d = new Deflater(level, true);
    d.setInput(data);
    d.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    return out.toByteArray();
  }

  private static void le32(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >> (8 * i)) & 0xff);
    }
  }

  private static byte[] concat(List<byte[]> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parts.forEach(out::writeBytes);
    return out.toByteArray();
  }

  private static byte[] manyMembers(int n, long seed) {
    List<byte[]> parts = new ArrayList<>();
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      parts.add(member(logText(r.nextInt(200), seed + i), 1 + r.nextInt(9), null, null, null, false));
    }
    return concat(parts);
  }

  // ---- reading ---------------------------------------------------------------------------------

  private static byte[] gunzip(byte[] gz) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  /**
   * @param parallel whether the members all fit in the segments a task may read (then the tasks read
   *     the file to its end, never handing it to the sequential read)
   */
  private static byte[] parallel(byte[] gz, int segment, boolean parallel) throws IOException {
    try (ParallelGzipInputStream in = new ParallelGzipInputStream(new ByteArrayInputStream(gz),
        () -> new ByteArrayInputStream(gz), 200, segment, 2)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[777];
      int n;
      while ((n = in.read(buf, 0, buf.length)) >= 0) {
        out.write(buf, 0, n);
      }
      // a sound file is read by the tasks to its end, never handed to the sequential read
      // every task ahead gave its permit back: the next streams are not held back
      assertThat(ParallelGzipInputStream.permitsFree()).isEqualTo(ParallelGzipInputStream.permits());
      if (parallel) {
        assertThat(in.readSequentially()).as("went sequential with segments of %d", segment).isFalse();
        assertThat(in.getCompressedCount()).isEqualTo(gz.length);
      }
      return out.toByteArray();
    }
  }

  /** @param parallelFrom the segment size from which every member fits in what a task reads */
  private void assertSameAsGzipInputStream(byte[] gz, int parallelFrom) throws IOException {
    byte[] expected = gunzip(gz);
    for (int segment : SEGMENTS) {
      assertThat(parallel(gz, segment, segment >= parallelFrom)).as("segment %d", segment).isEqualTo(expected);
    }
  }

  @Test
  void oneMember() throws IOException {
    assertSameAsGzipInputStream(member(logText(3000, 1)), 1 << 16);
  }

  @Test
  void manyMembersOfEveryLevel() throws IOException {
    assertSameAsGzipInputStream(manyMembers(120, 2), 4096);
  }

  @Test
  void bgzipBlocksWithTheirEmptyEndBlock() throws IOException {
    byte[] text = logText(4000, 3);
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < text.length; i += 9000) {
      parts.add(bgzipBlock(Arrays.copyOfRange(text, i, Math.min(text.length, i + 9000))));
    }
    parts.add(bgzipBlock(new byte[0]));
    assertSameAsGzipInputStream(concat(parts), 4096);
  }

  @Test
  void headersWithExtraNameCommentAndHeaderCrc() throws IOException {
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      byte[] extra = i % 2 == 0 ? new byte[] {'A', 'P', 3, 0, 1, 2, 3} : null;
      parts.add(member(logText(50, 10 + i), 6, extra, i % 3 == 0 ? "node-" + i + ".log" : null,
          i % 5 == 0 ? "rotated at 03:00" : null, i % 4 == 0));
    }
    assertSameAsGzipInputStream(concat(parts), 4096);
  }

  @Test
  void aMemberWhoseDataHoldsAGzipHeaderIsNotCutThere() throws IOException {
    // stored deflate blocks carry the bytes as they are: a whole fake header inside a member
    byte[] fake = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x4b, 0x4c, 0x4a, 0x06, 0, 0};
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int i = 0; i < 300; i++) {
      data.writeBytes(logText(3, 40 + i));
      data.writeBytes(fake);
    }
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      parts.add(member(data.toByteArray(), 0, null, null, null, false));
      parts.add(member(logText(100, 60 + i)));
    }
    assertSameAsGzipInputStream(concat(parts), 1 << 16);
  }

  @Test
  void emptyMembers() throws IOException {
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      parts.add(member(new byte[0]));
      if (i % 3 == 0) {
        parts.add(member(logText(20, 70 + i)));
      }
    }
    assertSameAsGzipInputStream(concat(parts), 4096);
  }

  // ---- through the walker: errors and limits as the sequential read gives them --------------------

  /** What a walk handed out: each member's bytes and each one-line error, in order. */
  private static final class Recorder implements ArchiveWalker.Visitor {
    final List<String> seen = new ArrayList<>();
    long read;

    @Override
    public void member(ArchiveMember member) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[4096];
      try (InputStream in = member.open()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          out.write(buf, 0, n);
        }
      } catch (IOException e) {
        seen.add("threw " + e.getMessage());
      }
      seen.add(member.name() + " " + out.size() + " bytes, crc " + crc(out.toByteArray()));
      member.failure().ifPresent(f -> seen.add("failure " + f));
    }

    @Override
    public void unreadable(String name, String error) {
      seen.add("unreadable " + name + ": " + error);
    }

    @Override
    public void read(long bytes) {
      read += bytes;
    }

    private static long crc(byte[] b) {
      CRC32 c = new CRC32();
      c.update(b);
      return c.getValue();
    }
  }

  private List<String> walk(byte[] gz, boolean forced, ArchiveLimits limits) throws IOException {
    Path f = dir.resolve("night.log.gz");
    Files.write(f, gz);
    if (forced) {
      System.setProperty(FastPaths.FORCE_PROPERTY, "true");
    } else {
      System.clearProperty(FastPaths.FORCE_PROPERTY);
    }
    Recorder r = new Recorder();
    new ArchiveWalker(limits).walk(new ArchiveWalker.TopLevelFile(f, "night.log.gz", gz.length), r);
    // read to the end or stopped by an error or a limit, the walk gave every permit back
    assertThat(ParallelGzipInputStream.permitsFree()).isEqualTo(ParallelGzipInputStream.permits());
    System.clearProperty(FastPaths.FORCE_PROPERTY);
    if (r.seen.stream().noneMatch(l -> l.contains("gzip: "))) {
      // read ahead or not, every stored byte is read once (a broken file: up to where each read stopped)
      assertThat(r.read).isEqualTo(gz.length);
    }
    return r.seen;
  }

  private void assertWalksAlike(byte[] gz, ArchiveLimits limits) throws IOException {
    assertThat(walk(gz, true, limits)).isEqualTo(walk(gz, false, limits));
  }

  @Test
  void theWalkerHandsOnTheSameMemberWithTheParallelReader() throws IOException {
    List<String> seen = walk(manyMembers(200, 5), true, ArchiveLimits.DEFAULT);
    assertThat(seen.get(0)).startsWith("night.log.gz ").doesNotContain(" 0 bytes");
    assertWalksAlike(manyMembers(200, 5), ArchiveLimits.DEFAULT);
  }

  @Test
  void truncatedFilesFailWithTheSequentialWords() throws IOException {
    byte[] gz = manyMembers(60, 6);
    for (int cut : new int[] {gz.length - 1, gz.length - 5, gz.length - 9, gz.length / 2, gz.length / 3 + 7, 15}) {
      List<String> parallel = walk(Arrays.copyOf(gz, cut), true, ArchiveLimits.DEFAULT);
      assertThat(parallel).as("cut at %d", cut).isEqualTo(walk(Arrays.copyOf(gz, cut), false, ArchiveLimits.DEFAULT));
      assertThat(String.join("\n", parallel)).as("cut at %d", cut).contains("gzip: ");
    }
  }

  @Test
  void corruptMembersAndTrailingJunkFailWithTheSequentialWords() throws IOException {
    byte[] gz = manyMembers(60, 7);
    for (int at : new int[] {gz.length / 2, gz.length / 4, gz.length - 3, 20}) {
      byte[] bad = gz.clone();
      bad[at] ^= 0x5a;
      assertWalksAlike(bad, ArchiveLimits.DEFAULT);
    }
    byte[] junk = Arrays.copyOf(gz, gz.length + 5);
    List<String> seen = walk(junk, true, ArchiveLimits.DEFAULT);
    assertThat(seen).isEqualTo(walk(junk, false, ArchiveLimits.DEFAULT));
    assertThat(String.join("\n", seen)).contains("unexpected data after a valid .gz stream");
  }

  @Test
  void aBombMemberIsRefusedAsTheSequentialReadRefusesIt() throws IOException {
    List<byte[]> parts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      parts.add(member(logText(200, 80 + i)));
    }
    parts.add(member(new byte[20 << 20]));
    parts.add(member(logText(200, 99)));
    byte[] gz = concat(parts);
    List<String> seen = walk(gz, true, ArchiveLimits.DEFAULT);
    assertThat(seen).isEqualTo(walk(gz, false, ArchiveLimits.DEFAULT));
    assertThat(String.join("\n", seen)).contains("zip bomb?");
    // the total budget counts every member's bytes, as it does sequentially
    ArchiveLimits small = ArchiveLimits.DEFAULT.withMaxTotalBytes(100_000);
    byte[] plain = manyMembers(100, 8);
    List<String> limited = walk(plain, true, small);
    assertThat(limited).isEqualTo(walk(plain, false, small));
    assertThat(String.join("\n", limited)).contains("archive limit");
  }

  @Test
  void usedFromItsThresholdOrWhenForcedAndOnlyOnAHeaderTheSequentialReadAccepts() {
    byte[] head = Arrays.copyOf(member(logText(5, 1)), 64);
    assertThat(ParallelGzipInputStream.applies(1 << 20, head)).isFalse();
    System.setProperty(FastPaths.FORCE_PROPERTY, "true");
    assertThat(ParallelGzipInputStream.applies(1 << 20, head)).isTrue();
    byte[] reserved = head.clone();
    reserved[3] = (byte) 0x80;
    // refused by the sequential decompressor's constructor: it says so, as before
    assertThat(ParallelGzipInputStream.applies(1 << 20, reserved)).isFalse();
    byte[] method = head.clone();
    method[2] = 7;
    assertThat(ParallelGzipInputStream.applies(1 << 20, method)).isFalse();
  }
}
