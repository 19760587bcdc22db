package org.avpipeline.raw;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Temporary files beside their target, created with the process's default mode (0666 less the umask, like every
 * other file a run writes, the Parquet artifact included) rather than {@link Files#createTempFile}'s 0600: one file
 * mode for everything a run leaves behind. The name is hidden ({@code .NAME.<random>.tmp}), so a listing or a glob
 * of the final names never sees one.
 */
public final class TempFiles {
    private TempFiles() {}

    /** The suffix of every temporary file (a rerun removes stale ones: see {@link #isTemporary}). */
    public static final String SUFFIX = ".tmp";

    /** Creates a new empty file {@code .<target name>.<random>.tmp} in the target's directory. */
    public static Path createBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        for (int i = 0; ; i++) {
            Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + SUFFIX);
            try {
                Files.newByteChannel(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (i >= 10) {
                    throw e;
                }
            }
        }
    }

    /** Whether a file name is one of {@link #createBeside}'s (or the artifact writer's) temporary names. */
    public static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(".") && name.endsWith(SUFFIX);
    }
}
