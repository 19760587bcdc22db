package org.avpipeline.artifact;

import java.util.ArrayDeque;
import java.util.Iterator;

/** A few panels' column arrays kept for reuse, by row count (see {@link TickerPanel#recycle()}). Thread-safe. */
final class SpareColumns {
    private record Spare(Object[] columns, int rows) {}

    private final int kept;
    private final ArrayDeque<Spare> spares = new ArrayDeque<>();

    SpareColumns(int kept) {
        this.kept = kept;
    }

    /** Arrays of {@code rows} rows to reuse (their values are stale), or null when none is kept. */
    synchronized Object[] take(int rows) {
        for (Iterator<Spare> it = spares.iterator(); it.hasNext(); ) {
            Spare s = it.next();
            if (s.rows() == rows) {
                it.remove();
                return s.columns();
            }
        }
        return null;
    }

    /** Keeps the arrays, dropping the oldest kept ones beyond the limit. */
    synchronized void give(Object[] columns, int rows) {
        spares.addFirst(new Spare(columns, rows));
        while (spares.size() > kept) {
            spares.removeLast();
        }
    }
}
