/**
 * The settings (README.md, "Configuration"; deploy.md's environment): their names and defaults in one place
 * ({@link org.avpipeline.config.Settings}), resolved flags &gt; environment &gt; defaults and validated before any
 * work ({@link org.avpipeline.config.SettingsResolver}), and what a ticker symbol is (pipeline.md §1,
 * {@link org.avpipeline.config.TickerSymbols}). A leaf: it imports no other package of ours.
 */
package org.avpipeline.config;
