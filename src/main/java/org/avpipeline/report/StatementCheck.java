package org.avpipeline.report;

import org.avpipeline.alphavantage.AvFunction;

/**
 * One statement's fiscal years checked against the annual reports over the universe (pipeline.md §4.1).
 *
 * @param fiscalYearsChecked (ticker, fiscal year) pairs where at least one metric could be checked
 * @param fiscalYearsMatched those whose checked metrics all match
 */
public record StatementCheck(AvFunction statement, int fiscalYearsChecked, int fiscalYearsMatched) {}
