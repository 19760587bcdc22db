package org.avpipeline.simulator;

import java.nio.charset.StandardCharsets;

/**
 * A streaming JSON writer in Alpha Vantage's own layout (Python's {@code json.dumps(indent=4)}): four-space indent,
 * {@code "key": value}, empty containers as {@code []} / {@code {}}, no trailing newline, non-ASCII escaped.
 */
final class JsonOut {
    private final StringBuilder sb;
    private final boolean[] hasItems = new boolean[16];
    private int depth = -1;
    private final String indent;
    private boolean afterName;

    JsonOut(int capacity) {
        this(capacity, "    ");
    }

    /** A writer with another indent (Alpha Vantage's short messages are indented by two spaces). */
    JsonOut(int capacity, String indent) {
        sb = new StringBuilder(capacity);
        this.indent = indent;
    }

    JsonOut() {
        this(256);
    }

    JsonOut beginObject() {
        beforeValue();
        sb.append('{');
        hasItems[++depth] = false;
        return this;
    }

    JsonOut endObject() {
        return close('}');
    }

    JsonOut beginArray() {
        beforeValue();
        sb.append('[');
        hasItems[++depth] = false;
        return this;
    }

    JsonOut endArray() {
        return close(']');
    }

    JsonOut name(String name) {
        separate();
        quote(name);
        sb.append(": ");
        afterName = true;
        return this;
    }

    JsonOut value(String s) {
        beforeValue();
        quote(s);
        return this;
    }

    /** {@code "name": "value"}. */
    JsonOut field(String name, String value) {
        return name(name).value(value);
    }

    byte[] toBytes() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (depth >= 0) {
            separate();
        }
    }

    private void separate() {
        if (hasItems[depth]) {
            sb.append(',');
        }
        hasItems[depth] = true;
        newline(depth + 1);
    }

    private JsonOut close(char c) {
        boolean any = hasItems[depth--];
        if (any) {
            newline(depth + 1);
        }
        sb.append(c);
        return this;
    }

    private void newline(int level) {
        sb.append('\n');
        for (int i = 0; i < level; i++) {
            sb.append(indent);
        }
    }

    private void quote(String s) {
        sb.append('"');
        if (plain(s)) {
            sb.append(s).append('"');
            return;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }
}
