package io.siodoctor.analyzer.scan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Builds the archives the scan tests walk: gzip, tar, tar.gz, zip, nested, truncated, bombs. */
public final class ArchiveFiles {
  private ArchiveFiles() {}

  public static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
      gz.write(data);
    }
    return b.toByteArray();
  }

  /** A tar of the members, in the order given. */
  public static byte[] tar(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(b)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        TarArchiveEntry e = new TarArchiveEntry(m.getKey());
        e.setSize(m.getValue().length);
        tar.putArchiveEntry(e);
        tar.write(m.getValue());
        tar.closeArchiveEntry();
      }
    }
    return b.toByteArray();
  }

  public static byte[] zip(Map<String, byte[]> members) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(b)) {
      for (Map.Entry<String, byte[]> m : members.entrySet()) {
        zip.putArchiveEntry(new ZipArchiveEntry(m.getKey()));
        zip.write(m.getValue());
        zip.closeArchiveEntry();
      }
    }
    return b.toByteArray();
  }

  /** A zip whose one member is {@code bytes} zeros, written streaming (the bomb is never in memory). */
  public static void zipOfZeros(Path file, String member, long bytes) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
      zip.putArchiveEntry(new ZipArchiveEntry(member));
      byte[] zeros = new byte[1 << 20];
      for (long left = bytes; left > 0; left -= zeros.length) {
        zip.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
      zip.closeArchiveEntry();
    }
  }

  public static byte[] head(byte[] data, int n) {
    return java.util.Arrays.copyOf(data, n);
  }
}
