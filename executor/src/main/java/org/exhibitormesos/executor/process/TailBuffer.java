package org.exhibitormesos.executor.process;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines written to a stream, for failure messages. Keeps at most {@code maxLines} whole
 * lines of at most {@code maxLineChars} characters each (longer lines are cut), plus the current
 * unterminated line. Thread safe.
 */
public final class TailBuffer {
  private final int maxLines;
  private final int maxLineChars;
  private final Deque<String> lines = new ArrayDeque<>();
  private final StringBuilder current = new StringBuilder();

  public TailBuffer(int maxLines, int maxLineChars) {
    if (maxLines < 1 || maxLineChars < 1) {
      throw new IllegalArgumentException("maxLines and maxLineChars must be positive");
    }
    this.maxLines = maxLines;
    this.maxLineChars = maxLineChars;
  }

  /** Adds bytes of UTF-8 text (a multi-byte character split across calls may be garbled). */
  public synchronized void append(byte[] bytes, int off, int len) {
    String text = new String(bytes, off, len, StandardCharsets.UTF_8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        push(current.toString());
        current.setLength(0);
      } else if (c != '\r' && current.length() < maxLineChars) {
        current.append(c);
      }
    }
  }

  private void push(String line) {
    lines.addLast(line);
    while (lines.size() > maxLines) {
      lines.removeFirst();
    }
  }

  /** The kept lines joined with {@code \n}, the unterminated one last; {@code ""} if none. */
  public synchronized String text() {
    StringBuilder out = new StringBuilder();
    int skip = current.length() > 0 && lines.size() == maxLines ? 1 : 0;
    for (String line : lines) {
      if (skip-- > 0) {
        continue;
      }
      out.append(line).append('\n');
    }
    if (current.length() > 0) {
      out.append(current).append('\n');
    }
    return out.toString();
  }
}
