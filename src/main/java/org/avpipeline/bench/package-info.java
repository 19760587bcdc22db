/**
 * The benchmarks of {@code avpipeline bench} (docs/benchmarks.md): fetch against the simulator, build and weekly
 * refresh on a simulated raw store, with their timings and memory.
 */
package org.avpipeline.bench;
