package org.avpipeline.testing;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Test helper: an output stream that writes to the console's stream and to a capture, so a test can assert on what
 * was logged (e.g. that the API key never appears) while the output still shows. Writes to the capture are
 * synchronized on it, as several threads log at once.
 */
public final class Tee extends OutputStream {
    private final OutputStream console;
    private final OutputStream capture;

    public Tee(OutputStream console, OutputStream capture) {
        this.console = console;
        this.capture = capture;
    }

    @Override
    public void write(int c) throws IOException {
        console.write(c);
        synchronized (capture) {
            capture.write(c);
        }
    }

    @Override
    public void write(byte[] bytes, int off, int len) throws IOException {
        console.write(bytes, off, len);
        synchronized (capture) {
            capture.write(bytes, off, len);
        }
    }

    @Override
    public void flush() throws IOException {
        console.flush();
    }
}
