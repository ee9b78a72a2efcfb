package io.siodoctor.parsers.archive;

import java.nio.charset.StandardCharsets;

/** What the first bytes of a stream say it is: a compression layer, an archive, or a plain member. */
enum ContainerKind {
  GZIP("gzip"),
  ZSTD("zstd"),
  BZIP2("bzip2"),
  XZ("xz"),
  ZIP("zip"),
  TAR("tar"),
  /** Not a container: a log or a HAR, handed to the parsers. */
  PLAIN("plain");

  /** Bytes needed to recognise every kind (tar's magic sits at offset 257). */
  static final int HEAD_BYTES = 512;

  final String label;

  ContainerKind(String label) {
    this.label = label;
  }

  boolean compression() {
    return this == GZIP || this == ZSTD || this == BZIP2 || this == XZ;
  }

  /** By content, never by file name: rotated logs are often named {@code .1} or lack {@code .gz}. */
  static ContainerKind sniff(byte[] h, int n) {
    if (n >= 2 && (h[0] & 0xff) == 0x1f && (h[1] & 0xff) == 0x8b) {
      return GZIP;
    }
    if (n >= 4 && (h[0] & 0xff) == 0x28 && (h[1] & 0xff) == 0xb5 && (h[2] & 0xff) == 0x2f && (h[3] & 0xff) == 0xfd) {
      return ZSTD;
    }
    if (n >= 4 && h[0] == 'B' && h[1] == 'Z' && h[2] == 'h' && h[3] >= '1' && h[3] <= '9') {
      return BZIP2;
    }
    if (n >= 6 && (h[0] & 0xff) == 0xfd && h[1] == '7' && h[2] == 'z' && h[3] == 'X' && h[4] == 'Z' && h[5] == 0) {
      return XZ;
    }
    if (n >= 4 && h[0] == 'P' && h[1] == 'K' && ((h[2] == 3 && h[3] == 4) || (h[2] == 5 && h[3] == 6))) {
      return ZIP;
    }
    if (n >= 262 && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
      return TAR;
    }
    return PLAIN;
  }
}
