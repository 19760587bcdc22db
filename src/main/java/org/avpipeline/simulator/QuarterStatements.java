package org.avpipeline.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** One modelled quarter's three statements: a balance sheet that adds up, income, and cash flow. */
final class QuarterStatements {
    private QuarterStatements() {}

    static Map<String, Double> balance(SplittableRandom r, double revenue, double cogs, double assetsRatio,
            double liabilitiesShare, double cashShare, double goodwillShare, double shares) {
        Map<String, Double> b = new HashMap<>();
        double ta = assets(b, r, revenue, cogs, assetsRatio, cashShare, goodwillShare);
        double tl = liabilities(b, r, revenue, cogs, ta, liabilitiesShare);
        double equity = ta - tl;
        double common = equity * 0.3;
        double treasury = ta * 0.05;
        b.put("totalShareholderEquity", equity);
        b.put("treasuryStock", treasury);
        b.put("retainedEarnings", equity - common + treasury);
        b.put("commonStock", common);
        b.put("commonStockSharesOutstanding", shares);
        return b;
    }

    /** The assets side into {@code b}; returns total assets. */
    private static double assets(Map<String, Double> b, SplittableRandom r, double revenue, double cogs,
            double assetsRatio, double cashShare, double goodwillShare) {
        double ta = 4 * revenue * assetsRatio * (1 + 0.02 * r.nextGaussian());
        double cash = ta * cashShare * (1 + 0.05 * r.nextGaussian());
        double sti = ta * 0.04 * (1 + 0.1 * r.nextGaussian());
        double receivables = revenue * 0.6 * (1 + 0.05 * r.nextGaussian());
        double inventory = revenue * cogs * 0.5 * (1 + 0.05 * r.nextGaussian());
        double otherCa = ta * 0.02;
        double tca = cash + sti + receivables + inventory + otherCa;
        double goodwill = ta * goodwillShare;
        double intangEx = ta * 0.03;
        double lti = ta * 0.05;
        double otherNca = ta * 0.03;
        double tnca = ta - tca;
        double ppe = tnca - goodwill - intangEx - lti - otherNca;
        b.put("totalAssets", ta);
        b.put("totalCurrentAssets", tca);
        b.put("cashAndCashEquivalentsAtCarryingValue", cash);
        b.put("cashAndShortTermInvestments", cash + sti);
        b.put("inventory", inventory);
        b.put("currentNetReceivables", receivables);
        b.put("totalNonCurrentAssets", tnca);
        b.put("propertyPlantEquipment", ppe);
        b.put("accumulatedDepreciationAmortizationPPE", ppe * 0.6);
        b.put("intangibleAssets", goodwill + intangEx);
        b.put("intangibleAssetsExcludingGoodwill", intangEx);
        b.put("goodwill", goodwill);
        b.put("investments", lti + sti);
        b.put("longTermInvestments", lti);
        b.put("shortTermInvestments", sti);
        b.put("otherCurrentAssets", otherCa);
        b.put("otherNonCurrentAssets", otherNca);
        return ta;
    }

    /** The liabilities into {@code b}; returns total liabilities. */
    private static double liabilities(Map<String, Double> b, SplittableRandom r, double revenue, double cogs,
            double ta, double liabilitiesShare) {
        double tl = ta * liabilitiesShare * (1 + 0.02 * r.nextGaussian());
        double payable = revenue * cogs * 0.4;
        double deferred = revenue * 0.1;
        double std = ta * 0.02;
        double cltd = ta * 0.015;
        double otherCl = ta * 0.03;
        double tcl = payable + deferred + std + cltd + otherCl;
        double tncl = tl - tcl;
        double lease = ta * 0.02;
        double ltdNc = tncl * 0.55;
        b.put("totalLiabilities", tl);
        b.put("totalCurrentLiabilities", tcl);
        b.put("currentAccountsPayable", payable);
        b.put("deferredRevenue", deferred);
        b.put("currentDebt", std + cltd);
        b.put("shortTermDebt", std);
        b.put("totalNonCurrentLiabilities", tncl);
        b.put("capitalLeaseObligations", lease);
        b.put("longTermDebt", ltdNc + cltd);
        b.put("currentLongTermDebt", cltd);
        b.put("longTermDebtNoncurrent", ltdNc);
        b.put("shortLongTermDebtTotal", std + cltd + ltdNc + lease);
        b.put("otherCurrentLiabilities", otherCl);
        b.put("otherNonCurrentLiabilities", tncl - ltdNc - lease);
        return tl;
    }

    static Map<String, Double> income(SplittableRandom r, double revenue, double cogs, double rd, double sga,
            double da, double tax, Map<String, Double> bs) {
        Map<String, Double> m = new HashMap<>();
        double cost = revenue * cogs * (1 + 0.02 * r.nextGaussian());
        double gross = revenue - cost;
        double research = revenue * rd * (1 + 0.03 * r.nextGaussian());
        double admin = revenue * sga * (1 + 0.03 * r.nextGaussian());
        double opex = research + admin;
        double operating = gross - opex;
        double interestIncome = bs.get("cashAndShortTermInvestments") * 0.006;
        double interestExpense = bs.get("shortLongTermDebtTotal") * 0.012;
        double other = revenue * 0.005 * r.nextGaussian();
        double dna = revenue * da;
        double beforeTax = operating + interestIncome - interestExpense + other;
        double taxes = beforeTax * tax * (1 + 0.1 * r.nextGaussian());
        double net = beforeTax - taxes;
        m.put("grossProfit", gross);
        m.put("totalRevenue", revenue);
        m.put("costOfRevenue", cost);
        m.put("costofGoodsAndServicesSold", cost);
        m.put("operatingIncome", operating);
        m.put("sellingGeneralAndAdministrative", admin);
        m.put("researchAndDevelopment", rd == 0 ? Double.NaN : research);
        m.put("operatingExpenses", opex);
        m.put("investmentIncomeNet", interestIncome * 0.8);
        m.put("netInterestIncome", interestIncome - interestExpense);
        m.put("interestIncome", interestIncome);
        m.put("interestExpense", interestExpense);
        m.put("nonInterestIncome", revenue * 0.01);
        m.put("otherNonOperatingIncome", other);
        m.put("depreciation", dna * 0.7);
        m.put("depreciationAndAmortization", dna);
        m.put("incomeBeforeTax", beforeTax);
        m.put("incomeTaxExpense", taxes);
        m.put("interestAndDebtExpense", interestExpense);
        m.put("netIncomeFromContinuingOperations", net);
        m.put("comprehensiveIncomeNetOfTax", net * (1 + 0.03 * r.nextGaussian()));
        m.put("ebit", beforeTax + interestExpense);
        m.put("ebitda", beforeTax + interestExpense + dna);
        m.put("netIncome", net);
        return m;
    }

    static Map<String, Double> cashFlow(SplittableRandom r, double revenue, double capexRatio, double buyback,
            boolean paysDividends, Map<String, Double> is, Map<String, Double> bs, Map<String, Double> before) {
        Map<String, Double> m = new HashMap<>();
        double net = is.get("netIncome");
        double dna = is.get("depreciationAndAmortization");
        double dReceivables = before == null ? 0 : -(bs.get("currentNetReceivables") - before.get("currentNetReceivables"));
        double dInventory = before == null ? 0 : -(bs.get("inventory") - before.get("inventory"));
        double dLiabilities = before == null ? 0
                : bs.get("currentAccountsPayable") - before.get("currentAccountsPayable");
        double dAssets = dReceivables + dInventory;
        double sbc = revenue * 0.02;
        double operating = net + dna + dAssets + dLiabilities + sbc;
        double capex = revenue * capexRatio * (1 + 0.05 * r.nextGaussian());
        double investing = -capex - revenue * 0.02 * Math.abs(r.nextGaussian());
        double dividends = paysDividends ? Math.max(0, net) * 0.35 + revenue * 0.01 : Double.NaN;
        double repurchase = buyback > 0 ? revenue * 0.03 * (1 + 0.2 * r.nextGaussian()) : 0;
        double issuance = revenue * 0.005;
        double debt = revenue * 0.02 * r.nextGaussian();
        double financing = -(Double.isNaN(dividends) ? 0 : dividends) - repurchase + issuance + debt;
        double fx = revenue * 0.001 * r.nextGaussian();
        m.put("operatingCashflow", operating);
        m.put("paymentsForOperatingActivities", revenue * 0.9);
        m.put("proceedsFromOperatingActivities", revenue * 0.95);
        m.put("changeInOperatingLiabilities", dLiabilities);
        m.put("changeInOperatingAssets", dAssets);
        m.put("depreciationDepletionAndAmortization", dna);
        m.put("capitalExpenditures", capex);
        m.put("changeInReceivables", dReceivables);
        m.put("changeInInventory", dInventory);
        m.put("profitLoss", net);
        m.put("cashflowFromInvestment", investing);
        m.put("cashflowFromFinancing", financing);
        m.put("proceedsFromRepaymentsOfShortTermDebt", debt);
        m.put("paymentsForRepurchaseOfCommonStock", repurchase);
        m.put("paymentsForRepurchaseOfEquity", repurchase);
        m.put("paymentsForRepurchaseOfPreferredStock", Double.NaN);
        m.put("dividendPayout", dividends);
        m.put("dividendPayoutCommonStock", dividends);
        m.put("dividendPayoutPreferredStock", Double.NaN);
        m.put("proceedsFromIssuanceOfCommonStock", issuance);
        m.put("proceedsFromIssuanceOfLongTermDebtAndCapitalSecuritiesNet", Math.max(0, debt));
        m.put("proceedsFromIssuanceOfPreferredStock", Double.NaN);
        m.put("proceedsFromRepurchaseOfEquity", -repurchase);
        m.put("proceedsFromSaleOfTreasuryStock", Double.NaN);
        m.put(StatementFields.STOCK_BASED_COMPENSATION, sbc);
        m.put("changeInCashAndCashEquivalents", operating + investing + financing + fx);
        m.put("changeInExchangeRate", fx);
        m.put("netIncome", net);
        return m;
    }
}
