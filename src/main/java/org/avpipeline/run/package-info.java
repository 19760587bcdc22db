/**
 * One run wired end to end (README.md, "What a run leaves behind", "Outcome of a run"): fetch, build
 * ({@link org.avpipeline.run.ArtifactBuild}: the stored answers read back, the panel built and written with its
 * companions), outcome ({@link org.avpipeline.run.OutcomeRules}), manifest and report, locally
 * ({@link org.avpipeline.run.Pipeline}) or handed to {@code cloud} for AWS.
 */
package org.avpipeline.run;
