package org.avpipeline.alphavantage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Connection failures name the host (issue 10, case 2). */
class ConnectionFailureTest {
    private static final URI LOCAL = URI.create("http://127.0.0.1:1/query?function=X&apikey=k");
    private static final URI UNRESOLVABLE = URI.create("http://no-such-host.invalid/query");
    private static final URI REMOTE = URI.create("https://no-such-host.invalid/query");

    @Test
    void eachKindOfFailureNamesTheHost() {
        assertEquals("cannot connect: connection refused by 127.0.0.1:1",
                ConnectionFailure.describe(new ConnectException("Connection refused"), LOCAL));
        ConnectException unresolved = new ConnectException();
        unresolved.initCause(new UnresolvedAddressException());
        assertEquals("cannot connect: host no-such-host.invalid cannot be resolved (DNS)",
                ConnectionFailure.describe(unresolved, REMOTE));
        assertEquals("cannot connect: TLS with no-such-host.invalid:443 failed: PKIX path building failed",
                ConnectionFailure.describe(new SSLHandshakeException("PKIX path building failed"), REMOTE));
        assertEquals("cannot connect: no connection to 127.0.0.1:1 within the connect timeout",
                ConnectionFailure.describe(new HttpConnectTimeoutException("connect timed out"), LOCAL));
        assertEquals(AnswerKind.TRANSIENT, ConnectionFailure.classify(new ConnectException(), LOCAL).kind());
    }

    @Test
    void aRealRefusedConnectionIsDescribedWithItsHost() throws Exception {
        AlphaVantageClient client = AlphaVantageClient.builder("k").baseUrl(URI.create("http://127.0.0.1:1/query"))
                .maxAttempts(1).build();
        Answer a = client.fetch(AvFunction.SPLITS, "ACMA");
        assertEquals(AnswerKind.TRANSIENT, a.kind());
        assertEquals("cannot connect: connection to 127.0.0.1:1 refused or closed", a.detail());
        AlphaVantageClient nowhere = AlphaVantageClient.builder("k").baseUrl(UNRESOLVABLE).maxAttempts(1).build();
        assertEquals("cannot connect: host no-such-host.invalid cannot be resolved (DNS)",
                nowhere.fetch(AvFunction.SPLITS, "ACMA").detail());
    }
}
