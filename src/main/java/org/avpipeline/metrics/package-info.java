/**
 * The metric lists of pipeline.md §10, spelled as Alpha Vantage spells them, and the names derived from them (TTM,
 * per share): {@link org.avpipeline.metrics.Metrics}, the one place. A leaf: the parsers, the build, the schemas and
 * the simulator import it; it imports no other package of ours.
 */
package org.avpipeline.metrics;
