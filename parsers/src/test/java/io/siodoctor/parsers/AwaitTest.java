package io.siodoctor.parsers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Pool work fails for the waiting caller as it would have failed had the caller done it. */
class AwaitTest {
  private static <T> Future<T> failed(Throwable t) {
    CompletableFuture<T> f = new CompletableFuture<>();
    f.completeExceptionally(t);
    return f;
  }

  @Test
  void theResultAndEveryKindOfFailureComeBackAsThemselves() throws Exception {
    assertThat(Await.result(CompletableFuture.completedFuture("ok"))).isEqualTo("ok");
    IOException io = new IOException("read error: disk");
    assertThatThrownBy(() -> Await.result(failed(io))).isSameAs(io);
    assertThatThrownBy(() -> Await.result(failed(new UncheckedIOException(io)))).isSameAs(io);
    IllegalArgumentException bug = new IllegalArgumentException("bug");
    assertThatThrownBy(() -> Await.interruptibly(failed(bug))).isSameAs(bug);
    OutOfMemoryError oom = new OutOfMemoryError("heap");
    assertThatThrownBy(() -> Await.result(failed(oom))).isSameAs(oom);
    Exception checked = new Exception("checked");
    assertThatThrownBy(() -> Await.result(failed(checked))).isInstanceOf(IOException.class).hasCause(checked);
  }

  @Test
  void anInterruptedWaitIsAnInterruptedIoErrorWithTheFlagSetAgain() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.result(new CompletableFuture<String>()))
          .isInstanceOf(InterruptedIOException.class);
      assertThat(Thread.interrupted()).isTrue(); // clears it for the next test
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void interruptiblyLeavesAnInterruptionAsItIs() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> Await.interruptibly(new CompletableFuture<String>()))
          .isInstanceOf(InterruptedException.class);
    } finally {
      Thread.interrupted();
    }
  }
}
