package org.avpipeline.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.avpipeline.artifact.ArtifactOverview;
import org.avpipeline.artifact.ArtifactReader;
import org.avpipeline.artifact.ArtifactSchema;
import org.avpipeline.artifact.CompanionSchemas;
import org.avpipeline.artifact.ColumnSuggestions;
import org.avpipeline.artifact.OverviewText;
import org.avpipeline.artifact.PanelQuarters;
import org.avpipeline.artifact.QuarterlyAsOf;
import org.avpipeline.artifact.RowQuery;
import org.avpipeline.artifact.RowTable;
import org.avpipeline.artifact.SchemaCheck;
import org.avpipeline.artifact.TableSchema;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code avpipeline inspect}. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Shows what is in an artifact file: rows, tickers, dates, footer metadata and each column's "
                + "type and share of missing values; with --ticker, that ticker's rows.",
                "With --ticker and no --columns, the panel's rows are followed by each quarter's report date, report "
                        + "time and first day in the panel.",
                "Understands the daily panel and its companion files (ttm_quarterly_artifact.parquet, whose "
                        + "--from/--to select fiscalDateEnding; price_artifact.parquet; company_profile.parquet), "
                        + "recognised by their footer or file name.",
                "Exit codes: 0 fine; 1 the file is missing, not Parquet, not the artifact's schema, or has no such "
                        + "rows; 2 wrong usage."})
public final class InspectCommand implements Callable<Integer> {
    static final int PROBLEM = 1;
    static final int USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The Parquet file.")
    Path file;

    @Option(names = "--ticker", paramLabel = "T", description = "Print this ticker's rows (upper-cased, as run does).")
    String ticker;

    @Option(names = "--columns", split = ",", paramLabel = "a,b", description = "Only these columns (with --ticker).")
    List<String> columns = new ArrayList<>();

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Rows on or after this day (with --ticker).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Rows on or before this day (with --ticker).")
    LocalDate to;

    @Option(names = "--csv", description = "Print the rows as CSV instead of an aligned table.")
    boolean csv;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "With --ticker on the quarterly companion (ttm_quarterly_artifact.parquet): the quarters "
                    + "as they stood on this day: available by then, in the version valid that day.")
    LocalDate asOf;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (ticker != null) {
            ticker = org.avpipeline.fetch.Universe.symbol(ticker);
        }
        if (ticker == null && (!columns.isEmpty() || from != null || to != null || csv || asOf != null)) {
            err.println("avpipeline inspect: --columns, --from, --to, --as-of and --csv select rows of a ticker; "
                    + "add --ticker");
            return USAGE;
        }
        try {
            ArtifactReader reader = ArtifactReader.open(file);
            TableSchema table = CompanionSchemas.recognize(file, reader.keyValueMetadata());
            return ticker == null ? overview(reader, table, out, err) : rows(reader, table, out, err);
        } catch (IOException e) {
            err.println("avpipeline inspect: " + e.getMessage());
            return PROBLEM;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int overview(ArtifactReader reader, TableSchema table, PrintWriter out, PrintWriter err)
            throws IOException {
        ArtifactOverview overview = ArtifactOverview.of(reader, table);
        out.print(OverviewText.render(overview, org.avpipeline.report.ByteSizes::human));
        SchemaCheck check = overview.schemaCheck();
        if (!check.matches()) {
            err.println("avpipeline inspect: " + file + " is a Parquet file but not "
                    + (table.equals(TableSchema.PANEL) ? "an artifact (artifact.md):"
                            : "a " + table.fileName() + " (artifact.md, \"Companion artifacts\"):"));
            for (String problem : check.problems()) {
                err.println("  - " + problem);
            }
            return PROBLEM;
        }
        return 0;
    }

    private int rows(ArtifactReader reader, TableSchema table, PrintWriter out, PrintWriter err) throws IOException {
        List<String> names = reader.columnNames();
        for (String c : columns) {
            if (!names.contains(c)) {
                List<String> close = ColumnSuggestions.closeTo(c, names);
                err.println("avpipeline inspect: no column " + c + " in " + file.getFileName()
                        + (close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?"));
                return USAGE;
            }
        }
        SchemaCheck check = reader.schemaCheck(table.columns());
        if (!check.matches()) {
            err.println("avpipeline inspect: note: " + file.getFileName() + " is not "
                    + (table.equals(TableSchema.PANEL) ? "an artifact" : "a " + table.fileName()) + " ("
                    + check.problems().get(0) + ")");
        }
        if (asOf != null && !table.equals(CompanionSchemas.QUARTERLY)) {
            err.println("avpipeline inspect: --as-of reads the quarterly companion ("
                    + CompanionSchemas.QUARTERLY.fileName() + "), not " + file.getFileName());
            return USAGE;
        }
        List<String> header = columns.isEmpty() ? reader.columnNames() : columns;
        List<String> read = header;
        if (asOf != null) {
            read = new ArrayList<>(header);
            for (String c : QuarterlyAsOf.NEEDED) {
                if (!read.contains(c)) {
                    read.add(c);
                }
            }
        }
        String dateColumn = !names.contains(ArtifactSchema.DATE) && names.contains(ArtifactSchema.FISCAL_DATE_ENDING)
                ? ArtifactSchema.FISCAL_DATE_ENDING : ArtifactSchema.DATE;
        List<List<Object>> rows;
        try {
            rows = reader.read(RowQuery.all().withColumns(read).withTicker(ticker).withDates(from, to)
                    .withDateColumn(dateColumn));
            if (asOf != null) {
                rows = QuarterlyAsOf.rows(read, rows, asOf).stream().map(r -> r.subList(0, header.size())).toList();
            }
        } catch (IllegalArgumentException e) {
            err.println("avpipeline inspect: " + e.getMessage());
            return PROBLEM;
        }
        if (rows.isEmpty()) {
            err.println("avpipeline inspect: no rows for ticker " + ticker + (asOf != null ? " as of " + asOf : "")
                    + (from != null || to != null ? " between " + (from == null ? "the start" : from) + " and "
                            + (to == null ? "the end" : to) : ""));
            return PROBLEM;
        }
        out.print(csv ? RowTable.csv(header, rows) : RowTable.aligned(header, rows));
        if (table.equals(TableSchema.PANEL) && !csv && columns.isEmpty()) {
            quarters(reader, out);
        }
        return 0;
    }

    /**
     * Below a ticker's whole rows: when each quarter reached the panel, with its report time and available_date from
     * the quarterly companion beside the file (when there is one).
     */
    private void quarters(ArtifactReader reader, PrintWriter out) throws IOException {
        List<List<Object>> panelRows = reader.read(RowQuery.all().withColumns(PanelQuarters.PANEL_COLUMNS)
                .withTicker(ticker));
        Path beside = file.resolveSibling(CompanionSchemas.QUARTERLY.fileName());
        List<List<Object>> quarterly = List.of();
        String source = "no " + beside.getFileName() + " beside the file: report times unknown";
        if (java.nio.file.Files.isRegularFile(beside)) {
            ArtifactReader q = ArtifactReader.open(beside);
            if (q.columnNames().containsAll(PanelQuarters.QUARTERLY_COLUMNS)) {
                quarterly = q.read(RowQuery.all().withColumns(PanelQuarters.QUARTERLY_COLUMNS).withTicker(ticker)
                        .withDateColumn(ArtifactSchema.FISCAL_DATE_ENDING));
                source = "report time and available_date from " + beside.getFileName();
            }
        }
        List<List<Object>> rows = PanelQuarters.rows(panelRows, quarterly);
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.println("quarters of " + ticker + ": available on the report day when reported pre-market, else on the "
                + "next price day (" + source + ")");
        out.print(RowTable.aligned(PanelQuarters.HEADER, rows));
    }
}
