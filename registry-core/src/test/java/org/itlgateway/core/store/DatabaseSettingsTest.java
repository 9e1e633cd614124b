package org.itlgateway.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DatabaseSettingsTest {

    private final DatabaseSettings external = DatabaseSettings.external("jdbc:postgresql://db.example:5432/registry", "registry", null);

    @Test
    void aPoolOfOneConnectionIsRefusedSayingWhyTwoAreNeeded() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> external.withPoolSize(1));

        assertTrue(refused.getMessage().contains("at least 2"), refused.getMessage());
        assertTrue(refused.getMessage().contains("migrations"), refused.getMessage());
    }

    @Test
    void aPoolOfTwoConnectionsIsTheSmallestTaken() {
        assertEquals(2, external.withPoolSize(2).poolSize());
    }
}
