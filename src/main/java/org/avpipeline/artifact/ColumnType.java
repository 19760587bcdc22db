package org.avpipeline.artifact;

/** The logical types of artifact columns (artifact.md). */
public enum ColumnType {
    /** BYTE_ARRAY with the String logical type. */
    STRING,
    /** INT32 with the Date logical type: days since 1970-01-01. */
    DATE,
    /** IEEE-754 double. */
    DOUBLE,
    /** Boolean. */
    BOOLEAN,
    /** INT64 with the Timestamp logical type: milliseconds since 1970-01-01T00:00:00Z, adjusted to UTC. */
    TIMESTAMP
}
