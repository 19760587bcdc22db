package org.avpipeline.alphavantage;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Words for the failure to get any answer from a host, naming the host: "connection refused by 127.0.0.1:1",
 * "host api.example cannot be resolved", "TLS with api.example:443 failed: …", "timeout: …". Every such failure is
 * {@link AnswerKind#TRANSIENT}; the words make a run that cannot reach Alpha Vantage say where it tried.
 */
public final class ConnectionFailure {
    private ConnectionFailure() {}

    /** The prefix of every detail of a failure to connect (not a timeout): the fetch's early stop looks for it. */
    public static final String CANNOT_CONNECT = "cannot connect: ";

    /** Whether a failure's detail says the host could not be reached at all (no HTTP answer, not a timeout). */
    public static boolean cannotConnect(String detail) {
        return detail != null && detail.startsWith(CANNOT_CONNECT);
    }

    /** {@code host:port} of a request (the port the scheme implies when none is written). */
    public static String hostOf(URI uri) {
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** The failure described with the host; the classification is always transient. */
    public static AnswerClassification classify(Throwable failure, URI uri) {
        return new AnswerClassification(AnswerKind.TRANSIENT, describe(failure, uri));
    }

    static String describe(Throwable failure, URI uri) {
        String host = hostOf(uri);
        if (failure instanceof HttpConnectTimeoutException) {
            return CANNOT_CONNECT + "no connection to " + host + " within the connect timeout";
        }
        if (failure instanceof HttpTimeoutException) {
            return "timeout: " + host + " sent no complete answer in time"
                    + (failure.getMessage() == null ? "" : " (" + failure.getMessage() + ")");
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
                return CANNOT_CONNECT + "host " + uri.getHost() + " cannot be resolved (DNS)";
            }
            if (t instanceof SSLException) {
                return CANNOT_CONNECT + "TLS with " + host + " failed: " + message(t);
            }
        }
        ConnectException connect = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("connection refused")) {
                return CANNOT_CONNECT + "connection refused by " + host;
            }
            if (connect == null && t instanceof ConnectException) {
                connect = (ConnectException) t;
            }
        }
        if (connect != null) {
            // The JDK's client reports a refused connection as a ConnectException without a message, caused by a
            // ClosedChannelException.
            return CANNOT_CONNECT + (connect.getMessage() == null
                    && connect.getCause() instanceof java.nio.channels.ClosedChannelException
                            ? "connection to " + host + " refused or closed"
                            : "no connection to " + host + " (" + message(connect) + ")");
        }
        return failure.getClass().getSimpleName() + " from " + host
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }

    private static String message(Throwable t) {
        return t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
    }
}
