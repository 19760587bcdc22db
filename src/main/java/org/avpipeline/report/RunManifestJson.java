package org.avpipeline.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * {@code run_manifest.json}: a {@link RunManifest} as JSON with snake_case field names, instants as ISO-8601 UTC
 * ({@code 2025-01-31T06:00:00Z}), dates as {@code YYYY-MM-DD}, months as {@code YYYY-MM}, enums by name.
 * Reading ignores fields it does not know (a newer minor writer may add some).
 */
public final class RunManifestJson {
    private RunManifestJson() {}

    /** The file name next to the artifact. */
    public static final String FILE_NAME = "run_manifest.json";

    private static final ObjectMapper MAPPER = mapper();

    public static String toJson(RunManifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run manifest as JSON", e);
        }
    }

    public static RunManifest fromJson(String json) {
        try {
            return MAPPER.readValue(json, RunManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not a run manifest: " + e.getMessage(), e);
        }
    }

    public static RunManifest read(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }

    private static ObjectMapper mapper() {
        SimpleModule time = new SimpleModule("avpipeline-time");
        register(time, Instant.class, Instant::parse);
        register(time, LocalDate.class, LocalDate::parse);
        register(time, YearMonth.class, YearMonth::parse);
        return new ObjectMapper()
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .registerModule(time)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A value written as its {@code toString()} and read back with {@code parse}. */
    private static <T> void register(SimpleModule module, Class<T> type, Function<String, T> parse) {
        module.addSerializer(type, new StdScalarSerializer<T>(type) {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(value.toString());
            }
        });
        module.addDeserializer(type, new StdScalarDeserializer<T>(type) {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String text = p.getValueAsString();
                try {
                    return parse.apply(text.trim());
                } catch (DateTimeParseException | NullPointerException e) {
                    return type.cast(ctxt.handleWeirdStringValue(type, text, "not a %s", type.getSimpleName()));
                }
            }
        });
    }
}
