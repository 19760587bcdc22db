package org.avpipeline.parquet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A new local file as a Parquet {@link OutputFile} whose bytes can be forced to the disk before the file is renamed
 * into place (parquet's {@code LocalOutputFile} cannot fsync).
 */
final class SyncedFileOutput implements OutputFile {
    private static final int BUFFER = 1 << 20;

    private final Path path;
    private FileChannel channel;

    SyncedFileOutput(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        if (channel != null) {
            throw new IOException("already created: " + path);
        }
        channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return new Stream(new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER));
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    /** Forces the written bytes and the file's metadata to the disk; call after the Parquet writer has ended. */
    void sync() throws IOException {
        if (channel == null) {
            throw new IOException("nothing written: " + path);
        }
        try (FileChannel c = FileChannel.open(path, StandardOpenOption.WRITE)) {
            c.force(true);
        }
    }

    private static final class Stream extends PositionOutputStream {
        private final OutputStream out;
        private long position;

        Stream(OutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            position += len;
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /**
     * Renames a finished (synced) temporary file onto its final path in one atomic step and syncs the folder, so
     * a reader sees the old file or the whole new one, never a part.
     */
    static void moveIntoPlace(java.nio.file.Path temp, java.nio.file.Path finalPath) throws java.io.IOException {
        try {
            java.nio.file.Files.move(temp, finalPath, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            throw new java.io.IOException("cannot rename " + temp + " onto " + finalPath + " atomically", e);
        }
        try (java.nio.channels.FileChannel dir = java.nio.channels.FileChannel.open(finalPath.getParent(),
                java.nio.file.StandardOpenOption.READ)) {
            dir.force(true);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // Not every platform can sync a directory; the rename itself is still atomic.
        }
    }
}
