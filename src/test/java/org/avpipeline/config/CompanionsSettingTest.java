package org.avpipeline.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CompanionsSettingTest {
    @Test
    void onByDefaultOffByFlagOrEnvironment() {
        assertTrue(Settings.companions(false, Map.of()));
        assertTrue(Settings.companions(false, Map.of(Settings.ENV_COMPANIONS, " ")));
        assertFalse(Settings.companions(true, Map.of(Settings.ENV_COMPANIONS, "true")), "the flag wins");
        for (String off : new String[] {"false", "FALSE", "0", "no", "off"}) {
            assertFalse(Settings.companions(false, Map.of(Settings.ENV_COMPANIONS, off)), off);
        }
        for (String on : new String[] {"true", "1", "Yes", "on"}) {
            assertTrue(Settings.companions(false, Map.of(Settings.ENV_COMPANIONS, on)), on);
        }
    }

    @Test
    void anythingElseIsAnInvalidSettingNamingTheVariable() {
        SettingsException e = assertThrows(SettingsException.class,
                () -> Settings.companions(false, Map.of(Settings.ENV_COMPANIONS, "maybe")));
        assertTrue(e.getMessage().contains("COMPANION_ARTIFACTS") && e.getMessage().contains("maybe"), e.getMessage());
    }
}
