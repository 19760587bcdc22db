package org.avpipeline.report;

/** The build steps that drop a ticker, in the order they run (pipeline.md §3, §5, §8). */
public enum BuildStep {
    /** §3.3: fewer than 10 quarter rows in a statement; the ticker leaves that statement. */
    TOO_LITTLE_HISTORY("\u2265 10 quarters per statement"),
    /** §5.1: not in all four of earnings, income statement, balance sheet, cash flow. */
    NOT_IN_ALL_STATEMENTS("Earnings + 3 statements"),
    /** §5.5: no month-end quarter left, so no continuous run. */
    NO_CONTINUOUS_QUARTERS("Continuous quarters"),
    /** §8: no price rows on or after START_DATE; the ticker is not in the artifact at all. */
    NO_PRICES("Prices since START_DATE");

    private final String stageLabel;

    BuildStep(String stageLabel) {
        this.stageLabel = stageLabel;
    }

    /** What a ticker that passes the step has, as the funnel labels the stage after it. */
    public String stageLabel() {
        return stageLabel;
    }

    /**
     * Whether the step removes the ticker from the artifact; the other steps only remove its fundamentals (the
     * ticker stays in the artifact with price columns only, pipeline.md §8).
     */
    public boolean removesFromArtifact() {
        return this == NO_PRICES;
    }
}
