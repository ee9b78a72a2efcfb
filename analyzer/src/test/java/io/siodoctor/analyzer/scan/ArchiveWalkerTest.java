package io.siodoctor.analyzer.scan;

import io.siodoctor.parsers.archive.ArchiveMember;
import io.siodoctor.parsers.archive.ArchiveLimits;
import io.siodoctor.parsers.archive.ArchiveWalker;
import static io.siodoctor.analyzer.scan.ArchiveFiles.gzip;
import static io.siodoctor.analyzer.scan.ArchiveFiles.tar;
import static io.siodoctor.analyzer.scan.ArchiveFiles.zip;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWalkerTest {
  @TempDir
  Path dir;

  /** Records what the walker hands out: member name → content, and unreadable name → error. */
  static final class Recorder implements ArchiveWalker.Visitor {
    final Map<String, String> members = new LinkedHashMap<>();
    final Map<String, String> unreadable = new LinkedHashMap<>();
    final List<Long> bytesRead = new ArrayList<>();

    @Override
    public void member(ArchiveMember member) throws IOException {
      byte[] data;
      try {
        data = member.open().readAllBytes();
      } catch (IOException e) {
        data = new byte[0];
      }
      bytesRead.add(member.bytesRead());
      members.put(member.name(), new String(data, UTF_8));
      member.failure().ifPresent(f -> unreadable.put(member.name(), f));
    }

    @Override
    public void unreadable(String name, String error) {
      unreadable.put(name, error);
    }
  }

  private static Map<String, byte[]> members(String... nameAndText) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < nameAndText.length; i += 2) {
      m.put(nameAndText[i], nameAndText[i + 1].getBytes(UTF_8));
    }
    return m;
  }

  private Recorder walk(ArchiveLimits limits, Path... roots) throws IOException {
    Recorder r = new Recorder();
    new ArchiveWalker(limits).walkAll(List.of(roots), r);
    return r;
  }

  @Test
  void walksDirectoriesGzipTarGzZipAndNestedArchivesNamingMembersByTheirPath() throws IOException {
    Path night = Files.createDirectories(dir.resolve("2026-11-24"));
    Files.writeString(night.resolve("plain.log"), "plain\n");
    Files.write(night.resolve("node-c.log.gz"), gzip("node c\n".getBytes(UTF_8)));
    Files.write(night.resolve("night.tar.gz"), gzip(tar(members("node-a.log", "a\n", "logs/node-b.log", "b\n"))));
    Files.write(night.resolve("night.tar"), tar(members("x.log", "x\n")));
    byte[] inner = gzip(tar(members("deep.log", "deep\n")));
    Map<String, byte[]> zipMembers = new LinkedHashMap<>(members("z.log", "z\n"));
    zipMembers.put("inner.tar.gz", inner);
    zipMembers.put("dir/", new byte[0]);
    Files.write(night.resolve("bundle.zip"), zip(zipMembers));

    Recorder r = walk(ArchiveLimits.DEFAULT, night);

    assertThat(r.unreadable).isEmpty();
    assertThat(r.members).containsExactlyInAnyOrderEntriesOf(Map.of(
        "2026-11-24/plain.log", "plain\n",
        "2026-11-24/node-c.log.gz", "node c\n",
        "2026-11-24/night.tar.gz!node-a.log", "a\n",
        "2026-11-24/night.tar.gz!logs/node-b.log", "b\n",
        "2026-11-24/night.tar!x.log", "x\n",
        "2026-11-24/bundle.zip!z.log", "z\n",
        "2026-11-24/bundle.zip!inner.tar.gz!deep.log", "deep\n"));
  }

  @Test
  void aTruncatedGzipIsReportedWithWhereItBrokeAndTheWalkGoesOn() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      text.append("2026-11-24T02:00:00.000Z engine line ").append(i * 7919L % 100_003).append('\n');
    }
    byte[] gz = gzip(text.toString().getBytes(UTF_8));
    Files.write(dir.resolve("a-cut.log.gz"), ArchiveFiles.head(gz, gz.length / 2));
    Files.writeString(dir.resolve("b-fine.log"), "fine\n");

    Recorder r = walk(ArchiveLimits.DEFAULT, dir);

    String cut = dir.getFileName() + "/a-cut.log.gz";
    assertThat(r.unreadable).containsOnlyKeys(cut);
    assertThat(r.unreadable.get(cut)).matches("gzip: unexpected end of stream at byte \\d+");
    assertThat(r.members).containsEntry(dir.getFileName() + "/b-fine.log", "fine\n");
  }

  @Test
  void aCorruptTarGzKeepsTheMembersBeforeTheBreak() throws IOException {
    byte[] big = new byte[300_000];
    new java.util.Random(1).nextBytes(big); // incompressible, so the cut lands in the second member
    Map<String, byte[]> m = members("first.log", "first\n");
    m.put("second.log", big);
    m.put("third.log", "third\n".getBytes(UTF_8));
    byte[] gz = gzip(tar(m));
    Files.write(dir.resolve("night.tar.gz"), ArchiveFiles.head(gz, gz.length - 100_000));

    Recorder r = walk(ArchiveLimits.DEFAULT, dir.resolve("night.tar.gz"));

    String prefix = dir.resolve("night.tar.gz") + "!";
    assertThat(r.members).containsEntry(prefix + "first.log", "first\n").doesNotContainKey(prefix + "third.log");
    assertThat(r.unreadable).containsOnlyKeys(prefix + "second.log");
    assertThat(r.unreadable.get(prefix + "second.log")).startsWith("gzip: unexpected end of stream at byte ");
  }

  @Test
  void aZipBombIsRefusedAfterAFewMegabytes() throws IOException {
    Path bomb = dir.resolve("bomb.zip");
    ArchiveFiles.zipOfZeros(bomb, "zeros.log", 200L << 20);
    assertThat(Files.size(bomb)).isLessThan(1 << 20);

    Recorder r = walk(ArchiveLimits.DEFAULT, bomb);

    assertThat(r.unreadable).containsOnlyKeys(bomb + "!zeros.log");
    assertThat(r.unreadable.get(bomb + "!zeros.log")).startsWith("zip: refused: expands more than 200:1").contains("zip bomb");
    assertThat(r.bytesRead).allMatch(n -> n < 4L << 20);
  }

  @Test
  void theTotalExpansionBudgetStopsTheWalk() throws IOException {
    StringBuilder lines = new StringBuilder();
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 2_000; i++) {
      lines.append("2026-11-24T02:00:").append(i % 60).append(" engine handshaking client \"")
          .append(Long.toString(random.nextLong(), 36)).append("\"\n");
    }
    byte[] text = lines.toString().getBytes(UTF_8);
    Files.write(dir.resolve("a.log.gz"), gzip(text));
    Files.write(dir.resolve("b.log.gz"), gzip(text));

    Recorder r = walk(ArchiveLimits.DEFAULT.withMaxTotalBytes(text.length + 1000), dir);

    assertThat(r.unreadable).hasSize(1);
    assertThat(r.unreadable.values().iterator().next()).contains("bytes expanded in total");
  }

  @Test
  void nestingDeeperThanTheLimitIsRefusedForThatMemberOnly() throws IOException {
    byte[] deep = "deep\n".getBytes(UTF_8);
    for (int i = 0; i < 4; i++) {
      deep = gzip(deep);
    }
    Map<String, byte[]> m = members("ok.log", "ok\n");
    m.put("deep.gz", deep);
    Files.write(dir.resolve("n.tar"), tar(m));

    Recorder r = walk(new ArchiveLimits(3, 200, 1 << 20, 1L << 40, 100), dir.resolve("n.tar"));

    assertThat(r.members).containsEntry(dir.resolve("n.tar") + "!ok.log", "ok\n");
    assertThat(r.unreadable).containsOnlyKeys(dir.resolve("n.tar") + "!deep.gz");
    assertThat(r.unreadable.values().iterator().next()).contains("nested deeper than 3");
  }

  @Test
  void tooManyEntriesAreRefused() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (int i = 0; i < 20; i++) {
      m.put("f" + i + ".log", "x\n".getBytes(UTF_8));
    }
    Files.write(dir.resolve("many.zip"), zip(m));

    Recorder r = walk(new ArchiveLimits(6, 200, 1 << 20, 1L << 40, 10), dir.resolve("many.zip"));

    assertThat(r.members).hasSize(10);
    assertThat(r.unreadable).containsOnlyKeys(dir.resolve("many.zip").toString());
    assertThat(r.unreadable.values().iterator().next()).contains("more than 10 members");
  }

  @Test
  void zstdAndBzip2AreRecognisedByContent() throws IOException {
    java.io.ByteArrayOutputStream zst = new java.io.ByteArrayOutputStream();
    try (var out = new org.apache.commons.compress.compressors.zstandard.ZstdCompressorOutputStream(zst)) {
      out.write(tar(members("node-a.log", "zstd a\n")));
    }
    java.io.ByteArrayOutputStream bz = new java.io.ByteArrayOutputStream();
    try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bz)) {
      out.write("bzip2\n".getBytes(UTF_8));
    }
    Files.write(dir.resolve("night.tar.zst"), zst.toByteArray());
    Files.write(dir.resolve("rotated.log.1"), bz.toByteArray());

    Recorder r = walk(ArchiveLimits.DEFAULT, dir);

    assertThat(r.unreadable).isEmpty();
    assertThat(r.members).containsEntry(dir.getFileName() + "/night.tar.zst!node-a.log", "zstd a\n")
        .containsEntry(dir.getFileName() + "/rotated.log.1", "bzip2\n");
  }

  @Test
  void aMissingFileIsReportedNotThrown() throws IOException {
    Recorder r = walk(ArchiveLimits.DEFAULT, dir.resolve("nope.log"));
    assertThat(r.unreadable).containsEntry(dir.resolve("nope.log").toString(), "cannot open: no such file");
  }
}
