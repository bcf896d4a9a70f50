package org.exhibitormesos.core.state;

import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * One numbered step that rewrites a state document from schema {@code from} to {@code from + 1}.
 * Steps must be re-runnable: applying one to a document it already changed must change nothing
 * more, so a crash between migrating and saving is harmless.
 */
public record Migration(int from, String description, UnaryOperator<JsonObject> step) {
  public Migration {
    if (from < 1) {
      throw new IllegalArgumentException("migrations start from schema 1");
    }
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(step, "step");
  }
}
