package org.avpipeline.cloud;

/** An upload to S3 failed; no object (and no part of one) was left at the key. */
public final class ArtifactUploadException extends Exception {
    public ArtifactUploadException(String message, Throwable cause) {
        super(message, cause);
    }
}
