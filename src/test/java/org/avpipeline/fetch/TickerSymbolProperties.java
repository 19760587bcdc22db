package org.avpipeline.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Issue 21, point 7: which symbols of an explicit list are ticker symbols ({@link Universe#notTickerSymbols}). */
class TickerSymbolProperties {

    @Property
    void lettersDigitsDotsAndDashesAfterALetterOrDigitAreTickers(@ForAll("tickers") String symbol) {
        assertEquals(List.of(), Universe.notTickerSymbols(List.of(symbol, " " + symbol.toLowerCase() + " ")));
        assertEquals(List.of(symbol.trim().toUpperCase()), Universe.clean(List.of(symbol)));
    }

    @Property
    void anyOtherCharacterMakesItNoTicker(@ForAll("tickers") String symbol, @ForAll("others") char other,
            @ForAll int where) {
        int at = Math.floorMod(where, symbol.length() + 1);
        String bad = symbol.substring(0, at) + other + symbol.substring(at);
        assertEquals(List.of(bad), Universe.notTickerSymbols(List.of("ACMA", bad, "BRK.B")));
    }

    @Property
    void theNonSymbolsThatHoldingsDropAreDroppedNotRefused(@ForAll("dropped") String notASymbol) {
        assertEquals(List.of(), Universe.notTickerSymbols(List.of(notASymbol)));
    }

    @Provide
    Arbitrary<String> tickers() {
        Arbitrary<String> first = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('0', '9').ofLength(1);
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('A', 'Z').withCharRange('a', 'z')
                .withCharRange('0', '9').withChars('.', '-').ofMaxLength(19);
        return Combinators.combine(first, rest).as(String::concat);
    }

    @Provide
    Arbitrary<Character> others() {
        return Arbitraries.chars().filter(c -> !(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')
                && !(c >= '0' && c <= '9') && c != '.' && c != '-' && c > ' '); // trim() drops what is <= ' ' at either end
    }

    @Provide
    Arbitrary<String> dropped() {
        return Arbitraries.of("", " ", "n/a", "N/A", "-", "--", "null");
    }
}
