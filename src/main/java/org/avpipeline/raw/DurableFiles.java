package org.avpipeline.raw;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;

/** Durable writes of the local raw store: in full and fsynced, placed by atomic rename, directory synced. */
final class DurableFiles {
    private final UnaryOperator<OutputStream> streamHook;

    /** @param streamHook every file's output stream passes through it (tests: a failing disk) */
    DurableFiles(UnaryOperator<OutputStream> streamHook) {
        this.streamHook = streamHook;
    }

    /** Writes {@code bytes} into the existing {@code file}, gzipped or as they are, and forces it to the disk. */
    void write(Path file, byte[] bytes, boolean gzip) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            OutputStream out = streamHook.apply(Channels.newOutputStream(channel));
            if (gzip) {
                GZIPOutputStream gz = new GZIPOutputStream(out, 64 * 1024);
                gz.write(bytes);
                gz.finish();
                gz.flush();
            } else {
                out.write(bytes);
                out.flush();
            }
            channel.force(true);
        }
    }

    /** Writes {@code bytes} as they are to a synced temporary file beside {@code target}, then renames it there. */
    void place(Path target, byte[] bytes) throws IOException {
        Path tmp = TempFiles.createBeside(target);
        try {
            write(tmp, bytes, false);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory; the renames are still atomic.
        }
    }
}
