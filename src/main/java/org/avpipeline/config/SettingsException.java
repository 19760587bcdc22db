package org.avpipeline.config;

/** An invalid or missing setting, found before any work; the message names the flag and the environment variable. */
public final class SettingsException extends RuntimeException {
    public SettingsException(String message) {
        super(message);
    }
}
