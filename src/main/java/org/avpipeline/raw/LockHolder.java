package org.avpipeline.raw;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Who holds a data folder's lock (local lock file or S3 lock object): the host, the process, the run and since when;
 * on S3 also until when the lease runs unless renewed. Stored as a few {@code key=value} lines.
 */
public record LockHolder(String host, long pid, String runId, Instant since, Instant expires) {
    public LockHolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(since, "since");
    }

    /** This process, for {@code runId}, from {@code since} (no lease expiry). */
    public static LockHolder thisProcess(String runId, Instant since) {
        return new LockHolder(hostName(), ProcessHandle.current().pid(), runId, since, null);
    }

    public LockHolder withExpiry(Instant until) {
        return new LockHolder(host, pid, runId, since, until);
    }

    /** One line for messages: {@code run R (pid P on host H) since T}. */
    public String describe() {
        return "run " + runId + " (pid " + pid + " on " + host + ") since " + since
                + (expires == null ? "" : ", lease until " + expires);
    }

    public byte[] toBytes() {
        return ("host=" + host + "\npid=" + pid + "\nrun=" + runId + "\nsince=" + since + "\n"
                + (expires == null ? "" : "expires=" + expires + "\n")).getBytes(StandardCharsets.UTF_8);
    }

    /** The holder a lock file or object names; null when it names none (empty, or written by something else). */
    public static LockHolder parse(byte[] bytes) {
        String host = null;
        String run = null;
        long pid = -1;
        Instant since = null;
        Instant expires = null;
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String v = line.substring(eq + 1).trim();
            try {
                switch (line.substring(0, eq).trim()) {
                    case "host" -> host = v;
                    case "pid" -> pid = Long.parseLong(v);
                    case "run" -> run = v;
                    case "since" -> since = Instant.parse(v);
                    case "expires" -> expires = Instant.parse(v);
                    default -> { }
                }
            } catch (NumberFormatException | DateTimeParseException e) {
                return null;
            }
        }
        return host == null || run == null || since == null ? null : new LockHolder(host, pid, run, since, expires);
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.trim();
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "unknown host";
        }
    }
}
