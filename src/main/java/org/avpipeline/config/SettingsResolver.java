package org.avpipeline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves one setting at a time with the precedence <em>command-line flag &gt; environment variable &gt;
 * default</em>, and validates it. The environment is passed in (tests use a map; the program uses
 * {@link System#getenv()}). A blank environment variable counts as unset. Every error names the flag and the variable.
 */
public final class SettingsResolver {
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9.^\\-]{0,19}");
    private static final Pattern AGE = Pattern.compile("(\\d+)\\s*([dhms]?)");

    private final Map<String, String> env;

    public SettingsResolver(Map<String, String> env) {
        this.env = Map.copyOf(Objects.requireNonNull(env, "env"));
    }

    public static SettingsResolver fromSystem() {
        return new SettingsResolver(System.getenv());
    }

    /** The raw value: the flag's if given, else the variable's if set and not blank, else null. */
    public String raw(String flagValue, String envVar) {
        if (flagValue != null) {
            return flagValue;
        }
        if (envVar != null) {
            String v = env.get(envVar);
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return null;
    }

    /** A text setting (null only when there is no default either). */
    public String text(String flag, String flagValue, String envVar, String defaultValue) {
        String v = raw(flagValue, envVar);
        return v != null ? v : defaultValue;
    }

    /** A ticker symbol, upper-cased. */
    public String symbol(String flag, String flagValue, String envVar, String defaultValue) {
        String v = text(flag, flagValue, envVar, defaultValue).trim().toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(v).matches()) {
            throw invalid(flag, envVar, v, "must be a ticker symbol such as QQQ");
        }
        return v;
    }

    /** A whole number > 0. */
    public int positiveInt(String flag, String flagValue, String envVar, int defaultValue) {
        String v = raw(flagValue, envVar);
        if (v == null) {
            return defaultValue;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw invalid(flag, envVar, v, "must be a whole number > 0");
        }
        if (n <= 0) {
            throw invalid(flag, envVar, v, "must be a whole number > 0");
        }
        return n;
    }

    /** An ISO date (YYYY-MM-DD). */
    public LocalDate date(String flag, String flagValue, String envVar, LocalDate defaultValue) {
        String v = raw(flagValue, envVar);
        if (v == null) {
            return defaultValue;
        }
        try {
            return LocalDate.parse(v.trim());
        } catch (DateTimeParseException e) {
            throw invalid(flag, envVar, v, "must be a date written YYYY-MM-DD");
        }
    }

    /** An ISO date (YYYY-MM-DD) that is not after {@code today}. */
    public LocalDate dateNotAfter(String flag, String flagValue, String envVar, LocalDate defaultValue,
            LocalDate today) {
        LocalDate d = date(flag, flagValue, envVar, defaultValue);
        if (d.isAfter(today)) {
            throw invalid(flag, envVar, d.toString(), "must not be after today (" + today
                    + "): the panel needs price days after it");
        }
        return d;
    }

    /** An absolute http(s) URL. */
    public URI httpUrl(String flag, String flagValue, String envVar, URI defaultValue) {
        String v = raw(flagValue, envVar);
        if (v == null) {
            return defaultValue;
        }
        try {
            URI u = new URI(v.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && u.getHost() != null) {
                return u;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw invalid(flag, envVar, v, "must be an http:// or https:// URL");
    }

    /** An age: {@code 6d}, {@code 12h}, {@code 30m}, {@code 45s}, a number of seconds, or ISO-8601 ({@code P6D}). */
    public Duration age(String flag, String flagValue, String envVar, Duration defaultValue) {
        String v = raw(flagValue, envVar);
        if (v == null) {
            return defaultValue;
        }
        String t = v.trim().toLowerCase(Locale.ROOT);
        Matcher m = AGE.matcher(t);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                switch (m.group(2)) {
                    case "d": return Duration.ofDays(n);
                    case "h": return Duration.ofHours(n);
                    case "m": return Duration.ofMinutes(n);
                    default: return Duration.ofSeconds(n);
                }
            }
            Duration d = Duration.parse(v.trim().toUpperCase(Locale.ROOT));
            if (!d.isNegative()) {
                return d;
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            // reported below
        }
        throw invalid(flag, envVar, v, "must be an age such as 6d, 12h, 30m or P6D");
    }

    /** A file-system path. */
    public Path path(String flag, String flagValue, String envVar, Path defaultValue) {
        String v = raw(flagValue, envVar);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Path.of(v);
        } catch (InvalidPathException e) {
            throw invalid(flag, envVar, v, "must be a path");
        }
    }

    /** The name of a setting as the user may give it: {@code --rate-limit / AV_RATE_LIMIT_PER_MIN}. */
    public static String names(String flag, String envVar) {
        return envVar == null ? flag : flag + " / " + envVar;
    }

    private static SettingsException invalid(String flag, String envVar, String value, String rule) {
        String shown = value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return new SettingsException("Invalid " + names(flag, envVar) + " '" + shown + "': " + rule + ".");
    }
}
