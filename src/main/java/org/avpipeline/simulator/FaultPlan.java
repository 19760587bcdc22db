package org.avpipeline.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the simulator misbehaves. Random faults are drawn per request (so a retry can succeed):
 * {@code 5xx} (HTTP 503), {@code slow} (the answer comes after {@link #slowDelay()}, past a client's read timeout),
 * {@code malformed} (HTTP 200 with a body that is not JSON, or JSON without the data key) and {@code truncated}
 * (the right body cut in half). Standing faults: {@code premium} (TIME_SERIES_DAILY_ADJUSTED always answers the
 * premium-endpoint message) and {@code bad-key} (every answer is the invalid-key message).
 *
 * <p>Written as {@code 5xx=0.1,slow=0.05,malformed=0.02,truncated=0.02,premium,bad-key,slow-ms=20000}; every part
 * is optional and the rates must add up to at most 1.
 */
public record FaultPlan(double serverErrors, double slow, double malformed, double truncated, boolean premium,
        boolean badKey, Duration slowDelay) {

    /** The default delay of a slow answer: past the usual read timeouts. */
    public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(20);
    public static final FaultPlan NONE = new FaultPlan(0, 0, 0, 0, false, false, DEFAULT_SLOW_DELAY);

    /** A random fault drawn for one request. */
    public enum Fault { NONE, SERVER_ERROR, SLOW, MALFORMED, TRUNCATED }

    public FaultPlan {
        rate("5xx", serverErrors);
        rate("slow", slow);
        rate("malformed", malformed);
        rate("truncated", truncated);
        if (serverErrors + slow + malformed + truncated > 1 + 1e-9) {
            throw new IllegalArgumentException("fault rates add up to more than 1");
        }
        if (slowDelay == null || slowDelay.isNegative()) {
            throw new IllegalArgumentException("slow-ms must be 0 or more");
        }
    }

    /** Parses a spec such as {@code 5xx=0.1,slow=0.05,premium}; blank means no faults. */
    public static FaultPlan parse(String spec) {
        FaultPlan p = NONE;
        if (spec == null || spec.isBlank()) {
            return p;
        }
        for (String part : spec.split(",")) {
            String item = part.trim().toLowerCase(Locale.ROOT);
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            String name = eq < 0 ? item : item.substring(0, eq).trim();
            String value = eq < 0 ? null : item.substring(eq + 1).trim();
            p = switch (name) {
                case "5xx" -> new FaultPlan(number(name, value), p.slow, p.malformed, p.truncated, p.premium, p.badKey,
                        p.slowDelay);
                case "slow" -> new FaultPlan(p.serverErrors, number(name, value), p.malformed, p.truncated, p.premium,
                        p.badKey, p.slowDelay);
                case "malformed" -> new FaultPlan(p.serverErrors, p.slow, number(name, value), p.truncated, p.premium,
                        p.badKey, p.slowDelay);
                case "truncated" -> new FaultPlan(p.serverErrors, p.slow, p.malformed, number(name, value), p.premium,
                        p.badKey, p.slowDelay);
                case "premium" -> new FaultPlan(p.serverErrors, p.slow, p.malformed, p.truncated, flag(name, value),
                        p.badKey, p.slowDelay);
                case "bad-key" -> new FaultPlan(p.serverErrors, p.slow, p.malformed, p.truncated, p.premium,
                        flag(name, value), p.slowDelay);
                case "slow-ms" -> p.withSlowDelay(Duration.ofMillis((long) number(name, value, Long.MAX_VALUE)));
                default -> throw new IllegalArgumentException("unknown fault '" + name
                        + "' (known: 5xx, slow, malformed, truncated, premium, bad-key, slow-ms)");
            };
        }
        return p;
    }

    public FaultPlan withSlowDelay(Duration delay) {
        return new FaultPlan(serverErrors, slow, malformed, truncated, premium, badKey, delay);
    }

    /** Whether any random fault can happen. */
    public boolean hasRandomFaults() {
        return serverErrors + slow + malformed + truncated > 0;
    }

    /** The fault for a uniform draw {@code u} in [0, 1). */
    public Fault draw(double u) {
        double edge = serverErrors;
        if (u < edge) {
            return Fault.SERVER_ERROR;
        }
        edge += slow;
        if (u < edge) {
            return Fault.SLOW;
        }
        edge += malformed;
        if (u < edge) {
            return Fault.MALFORMED;
        }
        edge += truncated;
        return u < edge ? Fault.TRUNCATED : Fault.NONE;
    }

    /** The spec this plan parses from (empty for no faults). */
    public String toSpec() {
        List<String> parts = new ArrayList<>();
        if (serverErrors > 0) {
            parts.add("5xx=" + serverErrors);
        }
        if (slow > 0) {
            parts.add("slow=" + slow);
        }
        if (malformed > 0) {
            parts.add("malformed=" + malformed);
        }
        if (truncated > 0) {
            parts.add("truncated=" + truncated);
        }
        if (premium) {
            parts.add("premium");
        }
        if (badKey) {
            parts.add("bad-key");
        }
        if (!slowDelay.equals(DEFAULT_SLOW_DELAY)) {
            parts.add("slow-ms=" + slowDelay.toMillis());
        }
        return String.join(",", parts);
    }

    private static void rate(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("fault rate " + name + " must be between 0 and 1, got " + p);
        }
    }

    private static double number(String name, String value) {
        return number(name, value, 1);
    }

    private static double number(String name, String value, double max) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("fault '" + name + "' needs a value, e.g. " + name + "=0.1");
        }
        double v;
        try {
            v = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("fault '" + name + "': not a number: '" + value + "'");
        }
        if (!(v >= 0 && v <= max)) {
            throw new IllegalArgumentException("fault '" + name + "' must be between 0 and "
                    + (max == 1 ? "1" : "a large number") + ", got " + value);
        }
        return v;
    }

    private static boolean flag(String name, String value) {
        if (value == null || value.equals("true") || value.equals("on")) {
            return true;
        }
        if (value.equals("false") || value.equals("off")) {
            return false;
        }
        throw new IllegalArgumentException("fault '" + name + "' is a flag (write it alone), got '" + value + "'");
    }
}
