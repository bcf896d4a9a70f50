/**
 * {@link org.exhibitormesos.core.state.store.StateStore} on one local file, for a scheduler that
 * keeps its state on the host it runs on.
 *
 * <p>Durability: every write goes to a temp file in the same directory, is forced to disk, renamed
 * atomically over the state file, and then the directory is forced so the rename itself survives a
 * power loss (see {@link org.exhibitormesos.storage.file.FileStateStore} for the exact order). A
 * reader therefore sees the old document or the new one, never a mix.
 *
 * <p>Integrity: the file starts with one text header line carrying the explicit version, the payload
 * length and its CRC-32 ({@link org.exhibitormesos.storage.file.StateFileFormat}). A file that does
 * not match its header is reported as corrupt, never read as empty.
 *
 * <p>Exclusion: an OS lock on a sibling {@code .lock} file is held from open to close, so a second
 * scheduler on the same file fails fast; the OS releases it when the process dies, even by SIGKILL.
 */
package org.exhibitormesos.storage.file;
