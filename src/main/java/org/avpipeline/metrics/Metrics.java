package org.avpipeline.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The essential metric lists of pipeline.md §10, the one place they are written down. Names are spelled exactly as
 * Alpha Vantage spells them, except the cash-flow {@code netIncome}, which is {@code netIncome.cf} (§5.3).
 */
public final class Metrics {
    private Metrics() {}

    /** The suffix of a trailing-twelve-month metric. */
    public static final String TTM = "_ttm";
    /** The suffix of a per-share column. */
    public static final String PER_SHARE = "_per_share";
    /** The cash-flow statement's net income, renamed so that it does not clash with the income statement's. */
    public static final String CASH_FLOW_NET_INCOME = "netIncome.cf";
    /** The shares metric that everything per-share divides by. */
    public static final String SHARES = "commonStockSharesOutstanding";

    public static final List<String> INCOME_STATEMENT = List.of(
            "grossProfit", "totalRevenue", "costOfRevenue", "costofGoodsAndServicesSold", "operatingIncome",
            "sellingGeneralAndAdministrative", "researchAndDevelopment", "operatingExpenses", "investmentIncomeNet",
            "netInterestIncome", "interestIncome", "interestExpense", "nonInterestIncome", "otherNonOperatingIncome",
            "depreciation", "depreciationAndAmortization", "incomeBeforeTax", "incomeTaxExpense",
            "interestAndDebtExpense", "netIncomeFromContinuingOperations", "comprehensiveIncomeNetOfTax", "ebit",
            "ebitda", "netIncome");

    public static final List<String> BALANCE_SHEET = List.of(
            "totalAssets", "totalCurrentAssets", "cashAndCashEquivalentsAtCarryingValue", "cashAndShortTermInvestments",
            "inventory", "currentNetReceivables", "totalNonCurrentAssets", "propertyPlantEquipment",
            "accumulatedDepreciationAmortizationPPE", "intangibleAssets", "intangibleAssetsExcludingGoodwill",
            "goodwill", "investments", "longTermInvestments", "shortTermInvestments", "otherCurrentAssets",
            "otherNonCurrentAssets", "totalLiabilities", "totalCurrentLiabilities", "currentAccountsPayable",
            "deferredRevenue", "currentDebt", "shortTermDebt", "totalNonCurrentLiabilities", "capitalLeaseObligations",
            "longTermDebt", "currentLongTermDebt", "longTermDebtNoncurrent", "shortLongTermDebtTotal",
            "otherCurrentLiabilities", "otherNonCurrentLiabilities", "totalShareholderEquity", "treasuryStock",
            "retainedEarnings", "commonStock", SHARES);

    public static final List<String> CASH_FLOW = List.of(
            "operatingCashflow", "paymentsForOperatingActivities", "proceedsFromOperatingActivities",
            "changeInOperatingLiabilities", "changeInOperatingAssets", "depreciationDepletionAndAmortization",
            "capitalExpenditures", "changeInReceivables", "changeInInventory", "profitLoss", "cashflowFromInvestment",
            "cashflowFromFinancing", "proceedsFromRepaymentsOfShortTermDebt", "paymentsForRepurchaseOfCommonStock",
            "paymentsForRepurchaseOfEquity", "paymentsForRepurchaseOfPreferredStock", "dividendPayout",
            "dividendPayoutCommonStock", "dividendPayoutPreferredStock", "proceedsFromIssuanceOfCommonStock",
            "proceedsFromIssuanceOfLongTermDebtAndCapitalSecuritiesNet", "proceedsFromIssuanceOfPreferredStock",
            "proceedsFromRepurchaseOfEquity", "proceedsFromSaleOfTreasuryStock", "changeInCashAndCashEquivalents",
            "changeInExchangeRate", CASH_FLOW_NET_INCOME);

    /** Flow metrics: the income-statement list, then the cash-flow list (51). */
    public static final List<String> FLOW = concat(INCOME_STATEMENT, CASH_FLOW);

    /** Every essential quarterly metric: balance sheet (stocks), then flows. */
    public static final List<String> ALL = concat(BALANCE_SHEET, FLOW);

    public static String ttm(String metric) {
        return metric + TTM;
    }

    public static String perShare(String metric) {
        return metric + PER_SHARE;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }
}
