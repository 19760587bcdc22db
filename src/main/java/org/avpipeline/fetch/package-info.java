/**
 * The fetch (pipeline.md §1–§2; README.md, "Weekly runs fetch only what changed"): the universe
 * ({@link org.avpipeline.fetch.Universe}), what to fetch again ({@link org.avpipeline.fetch.RefreshPlanner},
 * {@link org.avpipeline.fetch.RefreshPolicy}, the earnings calendar), the {@link org.avpipeline.fetch.Fetcher} that
 * stores every answer in the raw store, and its summary.
 */
package org.avpipeline.fetch;
