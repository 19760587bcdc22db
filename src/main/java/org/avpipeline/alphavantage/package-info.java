/**
 * Alpha Vantage (alpha-vantage.md; pipeline.md §2): the client (pacing by a token bucket, retries, the classification
 * of answers that carry no data: rate limit, premium, bad key, unknown symbol) and one parser per function, each
 * giving records ({@link org.avpipeline.alphavantage.DailyBar}, {@link org.avpipeline.alphavantage.Split},
 * {@link org.avpipeline.alphavantage.EarningsReport}, {@link org.avpipeline.alphavantage.StatementReport},
 * {@link org.avpipeline.alphavantage.EtfHolding}, {@link org.avpipeline.alphavantage.CompanyOverview}). Keys never
 * reach a log or a message ({@link org.avpipeline.alphavantage.ApiKeyRedactor}).
 */
package org.avpipeline.alphavantage;
