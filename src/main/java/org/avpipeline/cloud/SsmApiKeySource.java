package org.avpipeline.cloud;

import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

/** Reads the Alpha Vantage API key from SSM Parameter Store ({@code GetParameter} with decryption). */
public final class SsmApiKeySource {
    private final SsmClient ssm;
    private final String parameterName;

    public SsmApiKeySource(SsmClient ssm, String parameterName) {
        this.ssm = Objects.requireNonNull(ssm, "ssm");
        this.parameterName = Objects.requireNonNull(parameterName, "parameterName");
    }

    public String parameterName() {
        return parameterName;
    }

    /**
     * The key, decrypted.
     *
     * @throws ApiKeyUnavailableException when the parameter is missing, empty, not readable or SSM fails; the message
     *     names the parameter and the cause, never a value
     */
    public String apiKey() throws ApiKeyUnavailableException {
        GetParameterResponse response;
        try {
            response = ssm.getParameter(b -> b.name(parameterName).withDecryption(true));
        } catch (ParameterNotFoundException e) {
            throw new ApiKeyUnavailableException("Parameter Store has no parameter '" + parameterName
                    + "' (store the key with: aws ssm put-parameter --name '" + parameterName
                    + "' --type SecureString --value ...)", e);
        } catch (SsmException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            String what = e.statusCode() == 403 || (code != null && code.contains("AccessDenied"))
                    ? "access denied reading"
                    : "SSM refused";
            throw new ApiKeyUnavailableException(what + " parameter '" + parameterName + "' ("
                    + (code == null ? "HTTP " + e.statusCode() : code) + ")", e);
        } catch (SdkException e) {
            throw new ApiKeyUnavailableException("could not read parameter '" + parameterName + "' from SSM: "
                    + e.getClass().getSimpleName(), e);
        }
        String value = response.parameter() == null ? null : response.parameter().value();
        if (value == null || value.isBlank()) {
            throw new ApiKeyUnavailableException("parameter '" + parameterName + "' is empty", null);
        }
        return value.trim();
    }
}
