package io.siodoctor.parsers.archive;

import java.util.concurrent.atomic.AtomicLong;

/** The bytes every decompressor of one walk has produced, shared by all threads, against a ceiling. */
final class ExpansionBudget {
  private final long max;
  private final AtomicLong used = new AtomicLong();

  ExpansionBudget(long max) {
    this.max = max;
  }

  void spend(long bytes) throws ArchiveLimitException {
    if (used.addAndGet(bytes) > max) {
      throw new ArchiveLimitException("refused: more than " + max + " bytes expanded in total (archive limit)");
    }
  }

  long used() {
    return used.get();
  }
}
