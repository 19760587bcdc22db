package org.avpipeline.panel;

import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.TickerPanel;
import org.avpipeline.metrics.Metrics;

/**
 * pipeline.md §9, the derived columns: free cash flow, NOPAT, enterprise value and invested capital per share, and
 * {@code has_complete_financial_data}. {@code c(x)} is {@code x}, or 0 when missing.
 */
public final class DerivedMetrics {
    private DerivedMetrics() {}

    /** The tax rate NOPAT assumes. */
    public static final double TAX_RATE = 0.2375;

    public static double fcf(double operatingCashflowTtm, double capitalExpendituresTtm) {
        return operatingCashflowTtm - capitalExpendituresTtm;
    }

    public static double nopat(double ebitTtm, double depreciationAndAmortizationTtm, double depreciationTtm) {
        if (Double.isNaN(ebitTtm)) {
            return Double.NaN;
        }
        return (ebitTtm + Math.max(c(depreciationAndAmortizationTtm) - c(depreciationTtm), 0)) * (1 - TAX_RATE);
    }

    /**
     * Enterprise value per share from the day's price on the current split basis ({@code split_adjusted_close}) [fix]:
     * the basis of the per-share debt and cash, without the dividends {@code adjusted_close} takes off.
     */
    public static double enterpriseValue(double splitAdjustedClose, double shortLongTermDebtTotal,
            double capitalLeaseObligations, double cashAndShortTermInvestments, double longTermInvestments) {
        return splitAdjustedClose + c(shortLongTermDebtTotal) + c(capitalLeaseObligations)
                - c(cashAndShortTermInvestments) - c(longTermInvestments);
    }

    public static double investedCapital(double shortLongTermDebtTotal, double capitalLeaseObligations,
            double totalShareholderEquity) {
        return c(shortLongTermDebtTotal) + c(capitalLeaseObligations) + c(totalShareholderEquity);
    }

    /** {@code x}, or 0 when missing. */
    public static double c(double x) {
        return Double.isNaN(x) ? 0 : x;
    }

    /**
     * Writes the derived columns from the panel's per-share columns and split-adjusted close. Enterprise value and
     * invested capital per share are missing on rows whose carried shares value is missing or not positive, where no
     * per-share value can exist [fix]; enterprise value also where the split-adjusted close is missing.
     */
    public static void fill(TickerPanel panel) {
        double[] ocf = col(panel, "operatingCashflow_ttm_per_share");
        double[] capex = col(panel, "capitalExpenditures_ttm_per_share");
        double[] ebit = col(panel, "ebit_ttm_per_share");
        double[] da = col(panel, "depreciationAndAmortization_ttm_per_share");
        double[] dep = col(panel, "depreciation_ttm_per_share");
        double[] price = col(panel, ArtifactSchema.SPLIT_ADJUSTED_CLOSE);
        double[] debt = col(panel, "shortLongTermDebtTotal_per_share");
        double[] leases = col(panel, "capitalLeaseObligations_per_share");
        double[] cash = col(panel, "cashAndShortTermInvestments_per_share");
        double[] investments = col(panel, "longTermInvestments_per_share");
        double[] equity = col(panel, "totalShareholderEquity_per_share");
        double[] revenue = col(panel, "totalRevenue_ttm_per_share");
        double[] assets = col(panel, "totalAssets_per_share");
        double[] shares = col(panel, Metrics.SHARES);

        double[] fcf = col(panel, "fcf_ttm_per_share");
        double[] nopat = col(panel, "nopat_ttm_per_share");
        double[] ev = col(panel, "enterprise_value_per_share");
        double[] ic = col(panel, "invested_capital_per_share");
        boolean[] complete = panel.booleans(ArtifactSchema.HAS_COMPLETE_FINANCIAL_DATA);
        for (int r = 0; r < panel.rows(); r++) {
            fcf[r] = fcf(ocf[r], capex[r]);
            nopat[r] = nopat(ebit[r], da[r], dep[r]);
            boolean perShare = shares[r] > 0;
            ev[r] = perShare ? enterpriseValue(price[r], debt[r], leases[r], cash[r], investments[r])
                    : Double.NaN;
            ic[r] = perShare ? investedCapital(debt[r], leases[r], equity[r]) : Double.NaN;
            complete[r] = !Double.isNaN(revenue[r]) && !Double.isNaN(assets[r]) && !Double.isNaN(ocf[r]);
        }
    }

    private static double[] col(TickerPanel panel, String name) {
        return panel.doubles(name);
    }
}
