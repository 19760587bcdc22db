/**
 * The run's facts and their presentation (artifact.md's run manifest; README.md, "What a run leaves behind",
 * "Outcome of a run"): the manifest ({@link org.avpipeline.report.RunManifest}, JSON), the outcome and its
 * thresholds, and the HTML report drawn from the same facts ({@link org.avpipeline.report.HtmlReport}).
 */
package org.avpipeline.report;
