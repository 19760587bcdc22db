package org.avpipeline.report;

/** The report's colours, shared by the stylesheet and the charts. */
final class Palette {
    private Palette() {}

    static final String INK = "#172033";
    static final String MUTED = "#5d6b82";
    static final String FAINT = "#8a96aa";
    static final String GRID = "#e8ecf3";
    static final String TRACK = "#eef1f7";
    static final String ACCENT = "#3b5bdb";
    static final String ACCENT_LIGHT = "#a5b4fc";
    static final String ACCENT_SOFT = "#e5eafc";
    static final String WARN = "#f08c00";
    static final String BAD = "#e03131";
    static final String OK = "#2f9e44";
}
