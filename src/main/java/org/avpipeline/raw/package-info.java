/**
 * The raw store (pipeline.md §2; deploy.md's S3 layout): every answer as Alpha Vantage sent it, with its metadata
 * (when, which request without the key, SHA-256), in a local folder ({@link org.avpipeline.raw.LocalRawStore}; S3 in
 * {@code cloud}), written atomically; the data folder's lock ({@link org.avpipeline.raw.LocalStoreLock}).
 */
package org.avpipeline.raw;
