/**
 * The command line (README.md, "Commands"): one picocli command per verb ({@code fetch}, {@code build}, {@code run},
 * {@code demo}, {@code simulate}, {@code inspect}, {@code bench}), their flags, help and exit codes
 * ({@link org.avpipeline.cli.ExitCodes}); the work is done by the packages below (docs/architecture.md).
 */
package org.avpipeline.cli;
