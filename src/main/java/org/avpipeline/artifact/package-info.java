/**
 * The files a build writes (artifact.md; pipeline.md §11): the panel's 160 columns and the companions' columns as
 * data ({@link org.avpipeline.artifact.ArtifactSchema}, {@link org.avpipeline.artifact.CompanionSchemas}), the
 * panel's writer ({@link org.avpipeline.artifact.ArtifactWriter}), the companion files' writers beside it
 * ({@link org.avpipeline.artifact.CompanionWriters}), each file written under a temporary name and placed in one
 * step, the reader and {@code inspect}'s overview.
 */
package org.avpipeline.artifact;
