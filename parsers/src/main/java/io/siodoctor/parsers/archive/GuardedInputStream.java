package io.siodoctor.parsers.archive;

import java.io.EOFException;
import io.siodoctor.parsers.BlockInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The output side of one decompressor. Enforces the limits while the bytes stream (the ratio of this
 * stream and the budget of the walk), so a bomb is refused after about {@code ratioGraceBytes}, never
 * after it filled memory or disk. Turns the decompressor's exceptions into one line that says which
 * container broke and at which compressed byte. Remembers the first failure so the walker can tell a
 * member that was cut short from one read to the end, whatever the parser did with the exception.
 */
final class GuardedInputStream extends BlockInputStream {
  private final InputStream in;
  private final String kind;
  private final LongSupplier compressedBytes;
  private final ArchiveLimits limits;
  private final ExpansionBudget budget;
  private long expanded;
  private IOException failure;

  GuardedInputStream(InputStream in, String kind, LongSupplier compressedBytes, ArchiveLimits limits,
      ExpansionBudget budget) {
    this.in = in;
    this.kind = kind;
    this.compressedBytes = compressedBytes;
    this.limits = limits;
    this.budget = budget;
  }

  IOException failure() {
    return failure;
  }

  long expanded() {
    return expanded;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (failure != null) {
      throw failure;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (ArchiveLimitException | ArchiveReadException e) {
      // an inner container already said what broke
      throw fail(e);
    } catch (IOException | RuntimeException e) {
      throw fail(new ArchiveReadException(describe(e), e));
    }
    if (n > 0) {
      expanded += n;
      try {
        budget.spend(n);
      } catch (ArchiveLimitException e) {
        throw fail(new ArchiveLimitException(kind + ": " + e.getMessage()));
      }
      checkRatio();
    }
    return n;
  }

  private void checkRatio() throws IOException {
    if (expanded <= limits.ratioGraceBytes()) {
      return;
    }
    long compressed = Math.max(1, compressedBytes.getAsLong());
    if (expanded / compressed > limits.maxRatio()) {
      throw fail(new ArchiveLimitException(kind + ": refused: expands more than " + limits.maxRatio()
          + ":1 (" + compressed + " bytes gave " + expanded + "; zip bomb?)"));
    }
  }

  private IOException fail(IOException e) {
    if (failure == null) {
      failure = e;
    }
    return failure;
  }

  private String describe(Exception e) {
    String what = e instanceof EOFException || e.getMessage() == null
        || e.getMessage().toLowerCase(Locale.ROOT).contains("truncated")
        || e.getMessage().toLowerCase(Locale.ROOT).contains("unexpected end")
        ? "unexpected end of stream"
        : e.getMessage().toLowerCase(Locale.ROOT);
    return kind + ": " + what + " at byte " + compressedBytes.getAsLong();
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
