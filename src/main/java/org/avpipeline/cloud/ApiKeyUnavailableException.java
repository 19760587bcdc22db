package org.avpipeline.cloud;

/** The API key could not be read from Parameter Store. The message names the parameter, never a value. */
public final class ApiKeyUnavailableException extends Exception {
    public ApiKeyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
