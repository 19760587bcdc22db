package org.avpipeline.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.avpipeline.config.Settings.FetchFlags;
import org.junit.jupiter.api.Test;

/** {@code --max-statement-age} &gt; AV_MAX_STATEMENT_AGE &gt; 90 days, into the fetch policy. */
class MaxStatementAgeSettingTest {
    private static FetchFlags flag(String age) {
        return new FetchFlags(null, null, null, null, null, null, null, false, null, age);
    }

    private static FetchSettings resolve(FetchFlags flags, Map<String, String> env) {
        return Settings.resolveFetch(flags, new SettingsResolver(env));
    }

    @Test
    void defaultIsNinetyDaysThenEnvironmentThenFlag() {
        assertEquals(Duration.ofDays(90), resolve(FetchFlags.none(), Map.of()).maxStatementAge());
        Map<String, String> env = Map.of(Settings.ENV_MAX_STATEMENT_AGE, "60d");
        assertEquals(Duration.ofDays(60), resolve(FetchFlags.none(), env).maxStatementAge());
        assertEquals(Duration.ofDays(30), resolve(flag("30d"), env).maxStatementAge());
    }

    @Test
    void aBadAgeIsRejectedNamingTheFlag() {
        SettingsException e = assertThrows(SettingsException.class, () -> resolve(flag("soon"), Map.of()));
        assertEquals(true, e.getMessage().contains("--max-statement-age"), e.getMessage());
    }
}
