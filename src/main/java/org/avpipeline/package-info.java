/**
 * avpipeline: an ETF's holdings to a point-in-time daily panel of TTM per-share fundamentals (pipeline.md). The
 * packages, their layers and where each part of the spec lives: docs/architecture.md. Here only
 * {@link org.avpipeline.Version}.
 */
package org.avpipeline;
