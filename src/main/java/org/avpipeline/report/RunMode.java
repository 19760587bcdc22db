package org.avpipeline.report;

/** Where the run happened: a local directory, or AWS (S3 raw store and artifact, SSM key, SNS notification). */
public enum RunMode {
    LOCAL,
    AWS
}
