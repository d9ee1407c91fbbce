package org.privacyplatform.witness.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The witness's memory: for each log, the latest checkpoint it cosigned. One JSON file, replaced atomically
 * (written to a temporary file in the same directory, fsynced, renamed over the old one, directory fsynced), so
 * that a crash leaves either the old state or the new one, never half of either.
 */
public final class StateFile {

    /**
     * The latest checkpoint cosigned for a log.
     *
     * @param treeSize    its tree size
     * @param rootHash    its root hash, standard base64 (as in the checkpoint)
     * @param note        the checkpoint as submitted (the log's signed note)
     * @param cosignature the cosignature line the witness answered, without its newline
     */
    public record Latest(long treeSize, String rootHash, String note, String cosignature) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;

    public StateFile(Path path) {
        this.path = path.toAbsolutePath();
    }

    /** The state as last written; empty when the file does not exist yet (a new witness). */
    public Map<String, Latest> read() {
        if (!Files.exists(path)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(path.toFile(), new TypeReference<Map<String, Latest>>() {
            }));
        } catch (IOException e) {
            // never start from nothing over a damaged state: that would let a log roll back unnoticed
            throw new UncheckedIOException("the witness state " + path + " cannot be read", e);
        }
    }

    /** Replaces the state on disk; returns only once the new state is durable. */
    public void write(Map<String, Latest> state) {
        Path directory = path.getParent();
        Path temporary = directory.resolve(path.getFileName() + ".tmp");
        try {
            Files.createDirectories(directory);
            byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(state);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system cannot rename atomically in " + directory, e);
            }
            // the rename itself is durable only once the directory is
            try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException e) {
                // some file systems cannot open a directory for fsync; the rename is still atomic
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the witness state " + path + " cannot be written", e);
        }
    }
}
