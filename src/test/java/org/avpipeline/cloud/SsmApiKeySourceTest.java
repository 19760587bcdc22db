package org.avpipeline.cloud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;

/**
 * {@link SsmApiKeySource} with the real SDK client against {@link SsmFake}, a protocol-level fake of SSM's
 * {@code GetParameter}: a fake because no SSM emulator exists for these tests.
 */
class SsmApiKeySourceTest {
    private static final String NAME = "/avpipeline/alpha-vantage-api-key";
    private static final String KEY = "TESTKEY-9f8e7d6c5b4a";

    private SsmFake fake;
    private SsmClient ssm;

    @BeforeEach
    void start() throws Exception {
        fake = new SsmFake();
        ssm = AwsClients.ssm(TestAws.REGION, Optional.of(fake.endpoint()), TestAws.CREDENTIALS);
    }

    @AfterEach
    void stop() {
        ssm.close();
        fake.close();
    }

    @Test
    void readsTheDecryptedValueAskingForDecryption() throws Exception {
        fake.put(NAME, KEY);

        assertEquals(KEY, new SsmApiKeySource(ssm, NAME).apiKey());

        SsmFake.Request request = fake.requests().get(0);
        assertEquals("AmazonSSM.GetParameter", request.target());
        assertTrue(request.contentType().startsWith("application/x-amz-json-1.1"), request.contentType());
        assertEquals(NAME, request.body().path("Name").asText());
        assertTrue(request.body().path("WithDecryption").asBoolean(false), request.body().toString());
    }

    @Test
    void aMissingParameterIsAClearErrorNamingIt() {
        ApiKeyUnavailableException e = assertThrows(ApiKeyUnavailableException.class,
                () -> new SsmApiKeySource(ssm, NAME).apiKey());

        assertTrue(e.getMessage().contains("'" + NAME + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("no parameter"), e.getMessage());
        assertInstanceOf(ParameterNotFoundException.class, e.getCause());
    }

    @Test
    void accessDeniedIsAClearErrorNamingTheParameterNotTheValue() {
        fake.put(NAME, KEY);
        fake.deny(NAME);

        ApiKeyUnavailableException e = assertThrows(ApiKeyUnavailableException.class,
                () -> new SsmApiKeySource(ssm, NAME).apiKey());

        assertTrue(e.getMessage().startsWith("access denied reading parameter '" + NAME + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("AccessDeniedException"), e.getMessage());
        assertFalse(NotificationText.errorDetails(e).contains(KEY));
    }

    @Test
    void anEmptyValueIsAnError() {
        fake.put(NAME, "   ");

        ApiKeyUnavailableException e = assertThrows(ApiKeyUnavailableException.class,
                () -> new SsmApiKeySource(ssm, NAME).apiKey());
        assertEquals("parameter '" + NAME + "' is empty", e.getMessage());
    }

    @Test
    void anUnreachableSsmIsAnErrorNamingTheParameter() throws Exception {
        fake.close(); // nothing listens there any more
        ApiKeyUnavailableException e = assertThrows(ApiKeyUnavailableException.class,
                () -> new SsmApiKeySource(ssm, NAME).apiKey());
        assertTrue(e.getMessage().startsWith("could not read parameter '" + NAME + "' from SSM"), e.getMessage());
    }
}
