package org.avpipeline.alphavantage;

/** Small valid answers of every function, for stub servers. */
public final class Bodies {
    private Bodies() {}

    public static String of(AvFunction f, String symbol) {
        switch (f) {
            case ETF_PROFILE:
                return "{\"net_assets\": \"1000\", \"holdings\": ["
                        + "{\"symbol\": \"AAA\", \"description\": \"A INC\", \"weight\": \"0.5\"},"
                        + "{\"symbol\": \"n/a\", \"description\": \"CASH\", \"weight\": \"0.1\"},"
                        + "{\"symbol\": \"bbb\", \"description\": \"B INC\", \"weight\": \"0.4\"}]}";
            case TIME_SERIES_DAILY_ADJUSTED:
                return "{\"Meta Data\": {\"2. Symbol\": \"" + symbol + "\"}, \"Time Series (Daily)\": {"
                        + "\"2024-01-03\": {\"1. open\": \"10\", \"2. high\": \"11\", \"3. low\": \"9\", "
                        + "\"4. close\": \"10.5\", \"5. adjusted close\": \"10.5\", \"6. volume\": \"100\", "
                        + "\"7. dividend amount\": \"0.0000\", \"8. split coefficient\": \"1.0\"},"
                        + "\"2024-01-02\": {\"1. open\": \"9\", \"2. high\": \"10\", \"3. low\": \"8\", "
                        + "\"4. close\": \"9.5\", \"5. adjusted close\": \"9.5\", \"6. volume\": \"90\", "
                        + "\"7. dividend amount\": \"0.0000\", \"8. split coefficient\": \"1.0\"}}}";
            case SPLITS:
                return "{\"symbol\": \"" + symbol + "\", \"data\": []}";
            case EARNINGS:
                return "{\"symbol\": \"" + symbol + "\", \"annualEarnings\": [], \"quarterlyEarnings\": ["
                        + "{\"fiscalDateEnding\": \"2023-12-31\", \"reportedDate\": \"2024-01-25\", "
                        + "\"reportedEPS\": \"1.0\", \"reportTime\": \"post-market\"}]}";
            case OVERVIEW:
                return "{\"Symbol\": \"" + symbol + "\", \"AssetType\": \"Common Stock\", \"Name\": \"A Inc\", "
                        + "\"CIK\": \"1\", \"Exchange\": \"NASDAQ\", \"Currency\": \"USD\", \"Country\": \"USA\", "
                        + "\"Sector\": \"TECHNOLOGY\", \"Industry\": \"None\", \"FiscalYearEnd\": \"December\"}";
            case EARNINGS_CALENDAR:
                return "symbol,name,reportDate,fiscalDateEnding,estimate,currency\r\n"
                        + "AAA,A INC,2024-04-25,2024-03-31,1.02,USD\r\n";
            default:
                return "{\"symbol\": \"" + symbol + "\", \"annualReports\": [], \"quarterlyReports\": ["
                        + "{\"fiscalDateEnding\": \"2023-12-31\", \"reportedCurrency\": \"USD\", "
                        + "\"netIncome\": \"100\", \"totalRevenue\": \"None\"}]}";
        }
    }

    /**
     * Gives {@code check} every variant of {@code body} with one byte deleted, and with one byte changed to a
     * character of {@code replacements} (drawn with {@code seed}).
     */
    static void eachByteDeletedOrChanged(byte[] body, String replacements, long seed,
            java.util.function.Consumer<byte[]> check) {
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < body.length; i++) {
            byte[] cut = new byte[body.length - 1];
            System.arraycopy(body, 0, cut, 0, i);
            System.arraycopy(body, i + 1, cut, i, body.length - i - 1);
            check.accept(cut);
            byte[] changed = body.clone();
            changed[i] = (byte) replacements.charAt(random.nextInt(replacements.length()));
            check.accept(changed);
        }
    }
}
