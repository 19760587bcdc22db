package org.avpipeline.simulator;

import java.util.List;

/**
 * The simulated universe's symbols and company names by position. They do not depend on the seed, so the symbol at a
 * position (and therefore its scenarios) is the same in every market; the seed only changes the numbers.
 */
final class TickerNames {
    private TickerNames() {}

    /** A holding of the ETF that Alpha Vantage does not know: {@code {}} / "Invalid API call" to everything. */
    static final String UNKNOWN_SYMBOL = "GONE";
    static final String UNKNOWN_DESCRIPTION = "GONE HOLDINGS INC (DELISTED)";

    private static final List<String[]> FIXED = List.of(
            new String[] {"ACMA", "ACME APPLIANCES CORP"},
            new String[] {"NVLT", "NOVALITH GRAPHICS CORP"},
            new String[] {"BRKW", "BROOKWATER INDUSTRIES INC"},
            new String[] {"QNTX", "QUANTEX ROBOTICS INC CLASS A"},
            new String[] {"SPRK", "SPARKFIELD BIOSCIENCES INC"},
            new String[] {"HLDN", "HOLDEN NETWORKS INC"},
            new String[] {"GRWF", "GROWTH FRONTIER FUND"},
            new String[] {"MRDN", "MERIDIAN SOFTWARE CORP"},
            new String[] {"PLTX", "PALLATEX MINING CORP"},
            new String[] {"CSTR", "COASTAR RETAIL GROUP INC"},
            new String[] {"ORBT", "ORBITAL SYSTEMS INC"},
            new String[] {"VRDA", "VERIDIA PHARMACEUTICALS INC"},
            new String[] {"KSTL", "KESTREL LOGISTICS CORP"},
            new String[] {"FNXT", "FINNEXT PAYMENTS INC"},
            new String[] {"LMNR", "LUMINARE SEMICONDUCTOR CORP"},
            new String[] {"TDWY", "TIDEWAY FOODS INC"},
            new String[] {"CRBN", "CARBONIX MATERIALS INC"},
            new String[] {"HVNS", "HAVENSTONE HOMES INC"},
            new String[] {"ZPHR", "ZEPHYR AIRLINES HOLDINGS INC"},
            new String[] {"MGNT", "MAGNETA MEDIA INC CLASS A"});

    /** The symbol at a 0-based position of the universe. */
    static String symbol(int index) {
        if (index < FIXED.size()) {
            return FIXED.get(index)[0];
        }
        // X + four letters: unique, never clashes with the fixed names or GONE.
        int k = index - FIXED.size();
        char[] c = new char[5];
        c[0] = 'X';
        for (int i = 4; i >= 1; i--) {
            c[i] = (char) ('A' + k % 26);
            k /= 26;
        }
        return new String(c);
    }

    static String description(int index) {
        if (index < FIXED.size()) {
            return FIXED.get(index)[1];
        }
        return "SIMULATED COMPANY " + symbol(index) + " INC";
    }

    /** The position of a symbol, or -1 when it is not a universe symbol. */
    static int indexOf(String symbol) {
        for (int i = 0; i < FIXED.size(); i++) {
            if (FIXED.get(i)[0].equals(symbol)) {
                return i;
            }
        }
        if (symbol.length() == 5 && symbol.charAt(0) == 'X') {
            int k = 0;
            for (int i = 1; i < 5; i++) {
                char ch = symbol.charAt(i);
                if (ch < 'A' || ch > 'Z') {
                    return -1;
                }
                k = k * 26 + (ch - 'A');
            }
            return FIXED.size() + k;
        }
        return -1;
    }
}
