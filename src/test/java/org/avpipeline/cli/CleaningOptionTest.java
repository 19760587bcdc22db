package org.avpipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.avpipeline.config.SettingsException;
import org.avpipeline.panel.CleaningMode;
import org.junit.jupiter.api.Test;

class CleaningOptionTest {
    @Test
    void cleaningFlagWinsOverTheEnvironmentWhichWinsOverAsServed() {
        assertEquals(CleaningMode.AS_SERVED, CleaningOption.resolve(null, Map.of()));
        assertEquals(CleaningMode.AS_SERVED, CleaningOption.resolve(null, Map.of("CLEANING", " ")));
        assertEquals(CleaningMode.REFERENCE, CleaningOption.resolve(null, Map.of("CLEANING", "REFERENCE")));
        assertEquals(CleaningMode.AS_SERVED, CleaningOption.resolve("as-served", Map.of("CLEANING", "reference")));
        SettingsException env = assertThrows(SettingsException.class,
                () -> CleaningOption.resolve(null, Map.of("CLEANING", "clean")));
        assertEquals("Invalid CLEANING: 'clean' is not a cleaning mode (as-served|reference).", env.getMessage());
        SettingsException flag = assertThrows(SettingsException.class, () -> CleaningOption.resolve("", Map.of()));
        assertTrue(flag.getMessage().startsWith("Invalid --cleaning: ''"), flag.getMessage());
    }
}
