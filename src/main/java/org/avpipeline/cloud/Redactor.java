package org.avpipeline.cloud;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Replaces secrets in text bound for logs and notifications. Secrets are added as they become known (the API key
 * once it is read); every later call redacts them.
 */
public final class Redactor {
    public static final String REPLACEMENT = "[REDACTED]";

    private final List<String> secrets = new CopyOnWriteArrayList<>();

    /** Adds a secret; blank or very short strings are ignored (redacting them would mangle ordinary text). */
    public void add(String secret) {
        if (secret != null && secret.strip().length() >= 4 && !secrets.contains(secret)) {
            secrets.add(secret);
            String stripped = secret.strip();
            if (!stripped.equals(secret)) {
                secrets.add(stripped);
            }
        }
    }

    /** The text with every known secret replaced by {@value #REPLACEMENT}; null stays null. */
    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String secret : secrets) {
            out = out.replace(secret, REPLACEMENT);
        }
        return out;
    }

    public static Redactor of(String... secrets) {
        Redactor r = new Redactor();
        for (String s : Objects.requireNonNull(secrets)) {
            r.add(s);
        }
        return r;
    }
}
