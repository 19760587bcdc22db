package org.avpipeline.artifact;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * How a Parquet file's schema differs from the artifact's (artifact.md): the 160 columns, by name, in order, each of
 * its type. Either repetition is accepted (the original R system wrote every column OPTIONAL). Columns after the last
 * artifact column are tolerated; anything else that differs is a problem.
 *
 * A file written before a column was appended to its table ({@link #APPENDED_SINCE_FIRST_RELEASE}) lacks it at the end:
 * that is an older version of the same file, readable by name, not a problem ({@link #olderColumns}).
 *
 * @param problems what differs, one sentence each; empty when the file is an artifact
 * @param extraColumns columns appended after the artifact's last one
 * @param olderColumns the table's last columns the file lacks because it was written before they were appended
 */
public record SchemaCheck(List<String> problems, List<String> extraColumns, List<String> olderColumns) {
    private static final int LISTED = 12;

    /**
     * The columns appended to the panel and the quarterly companion after their first release, in the order they
     * were appended: a file without some of them (all at its end) is one written before.
     */
    public static final java.util.Set<String> APPENDED_SINCE_FIRST_RELEASE = java.util.Set.of("split_adjusted_close",
            "report_time", "annual_check", "balance_gap", "valid_from", "valid_to");

    public SchemaCheck {
        problems = List.copyOf(problems);
        extraColumns = List.copyOf(extraColumns);
        olderColumns = List.copyOf(olderColumns);
    }

    /** Without columns of a later version. */
    public SchemaCheck(List<String> problems, List<String> extraColumns) {
        this(problems, extraColumns, List.of());
    }

    /** True when the file has the artifact's columns. */
    public boolean matches() {
        return problems.isEmpty();
    }

    /** Compares a file's schema with the artifact's. */
    public static SchemaCheck of(MessageType file) {
        return of(file, ArtifactSchema.COLUMNS);
    }

    /** Compares a file's schema with a table's columns (the artifact's or a companion's, {@link TableSchema}). */
    public static SchemaCheck of(MessageType file, List<Column> expected) {
        java.util.Set<String> names = new java.util.HashSet<>();
        expected.forEach(c -> names.add(c.name()));
        List<Type> fields = file.getFields();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            position.putIfAbsent(fields.get(i).getName(), i);
        }
        List<String> problems = new ArrayList<>();
        List<String> older = missing(expected, position, problems);
        wrongTypes(expected, fields, position, problems);
        order(expected, fields, names, position, problems);
        List<String> extra = notInTable(fields, names, problems);
        return new SchemaCheck(problems, extra, older);
    }

    /** The table's columns the file lacks: the older columns it returns, or a problem. */
    private static List<String> missing(List<Column> expected, Map<String, Integer> position, List<String> problems) {
        List<String> missing = new ArrayList<>();
        for (Column c : expected) {
            if (!position.containsKey(c.name())) {
                missing.add(c.name());
            }
        }
        List<String> older = List.of();
        if (!missing.isEmpty() && APPENDED_SINCE_FIRST_RELEASE.containsAll(missing)
                && expected.subList(expected.size() - missing.size(), expected.size()).stream().map(Column::name)
                        .toList().equals(missing)) {
            older = missing;
        } else if (!missing.isEmpty()) {
            problems.add("missing " + count(missing.size(), "column") + ": " + list(missing));
        }
        return older;
    }

    private static void wrongTypes(List<Column> expected, List<Type> fields, Map<String, Integer> position,
            List<String> problems) {
        List<String> wrongType = new ArrayList<>();
        for (Column c : expected) {
            Integer p = position.get(c.name());
            if (p == null) {
                continue;
            }
            Type t = fields.get(p);
            if (!t.isPrimitive() || t.isRepetition(Type.Repetition.REPEATED)
                    || !ArtifactParquetSchema.hasType((PrimitiveType) t, c.type())) {
                wrongType.add(c.name() + " is " + describe(t) + ", expected " + ArtifactParquetSchema.describe(c.type()));
            }
        }
        if (!wrongType.isEmpty()) {
            problems.add("wrong " + (wrongType.size() == 1 ? "type" : "types") + ": " + list(wrongType));
        }
    }

    /** Duplicate names, or the first of the table's columns out of the table's order. */
    private static void order(List<Column> expected, List<Type> fields, java.util.Set<String> names,
            Map<String, Integer> position, List<String> problems) {
        List<String> present = new ArrayList<>();
        for (Type t : fields) {
            if (names.contains(t.getName())) {
                present.add(t.getName());
            }
        }
        List<String> expectedOrder = new ArrayList<>();
        for (Column c : expected) {
            if (position.containsKey(c.name())) {
                expectedOrder.add(c.name());
            }
        }
        List<String> uniquePresent = present.stream().distinct().toList();
        if (present.size() != uniquePresent.size()) {
            problems.add("duplicate column names: " + list(duplicates(present)));
        } else if (!present.equals(expectedOrder)) {
            for (int i = 0; i < present.size(); i++) {
                if (!present.get(i).equals(expectedOrder.get(i))) {
                    problems.add("columns out of order: " + present.get(i) + " comes where " + expectedOrder.get(i)
                            + " belongs (the order is artifact.md's)");
                    break;
                }
            }
        }
    }

    /**
     * The file's columns not in the table: those after its last table column are returned (tolerated), those among
     * its columns are a problem.
     */
    private static List<String> notInTable(List<Type> fields, java.util.Set<String> names, List<String> problems) {
        int lastArtifactColumn = -1;
        for (int i = 0; i < fields.size(); i++) {
            if (names.contains(fields.get(i).getName())) {
                lastArtifactColumn = i;
            }
        }
        List<String> interleaved = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).getName();
            if (!names.contains(name)) {
                (i < lastArtifactColumn ? interleaved : extra).add(name);
            }
        }
        if (!interleaved.isEmpty()) {
            problems.add(count(interleaved.size(), "column") + " not in the artifact among its columns: "
                    + list(interleaved) + " (new columns may only be appended after the last one)");
        }
        return extra;
    }

    private static String describe(Type t) {
        if (!t.isPrimitive()) {
            return "a group";
        }
        PrimitiveType p = t.asPrimitiveType();
        String s = p.getPrimitiveTypeName().name();
        if (p.getLogicalTypeAnnotation() != null) {
            s += " (" + ParquetField.logicalName(p.getLogicalTypeAnnotation()) + ")";
        }
        return t.isRepetition(Type.Repetition.REPEATED) ? "REPEATED " + s : s;
    }

    private static List<String> duplicates(List<String> names) {
        List<String> seen = new ArrayList<>();
        List<String> dup = new ArrayList<>();
        for (String n : names) {
            if (seen.contains(n) && !dup.contains(n)) {
                dup.add(n);
            }
            seen.add(n);
        }
        return dup;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String list(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }
}
