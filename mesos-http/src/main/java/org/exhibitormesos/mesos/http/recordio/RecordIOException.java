package org.exhibitormesos.mesos.http.recordio;

import java.io.IOException;

/** The byte stream is not valid RecordIO, or a record exceeds the configured limit. */
public final class RecordIOException extends IOException {
  public RecordIOException(String message) {
    super(message);
  }
}
