package org.avpipeline.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes {@code deploy/terraform/glue_tables.tf}: a Terraform {@code locals} block, {@code glue_tables}, that maps
 * each table of {@link CatalogTables#ALL} to its file name, description and columns (name and Hive type, in the file's
 * order). {@code deploy/terraform/athena.tf} makes one Glue table per entry. The file is generated, never edited: a
 * test fails when it differs from what this class renders from the artifacts' schemas.
 *
 * <p>Run: {@code java -cp target/avpipeline.jar org.avpipeline.catalog.GlueTablesTerraform
 * [deploy/terraform/glue_tables.tf]}.
 */
public final class GlueTablesTerraform {
    private GlueTablesTerraform() {}

    /** Where the file lives, from the project's root. */
    public static final Path DEFAULT_PATH = Path.of("deploy", "terraform", "glue_tables.tf");

    /** The command that regenerates the file, as the file's header and the failing test show it. */
    public static final String REGENERATE = "./mvnw -B -q -o package -DskipTests && java -cp target/avpipeline.jar "
            + GlueTablesTerraform.class.getName() + " " + DEFAULT_PATH.toString().replace('\\', '/');

    /** The file's text for these tables (formatted as {@code terraform fmt} leaves it). */
    public static String render(List<CatalogTable> tables) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated from the artifacts' Parquet schemas by ").append(GlueTablesTerraform.class.getName())
                .append(": do not edit.\n");
        out.append("# A test fails when this file and the schemas differ; after a change of an artifact's columns, run\n");
        out.append("#   ").append(REGENERATE).append('\n');
        out.append("# athena.tf makes one Glue table per entry (column names lower-cased, as Glue stores them).\n\n");
        out.append("locals {\n");
        out.append("  glue_tables = {\n");
        for (CatalogTable table : tables) {
            out.append("    ").append(table.name()).append(" = {\n");
            out.append("      file        = ").append(quoted(table.fileName())).append('\n');
            out.append("      description = ").append(quoted(table.description())).append('\n');
            out.append("      columns = [\n");
            for (CatalogColumn column : table.columns()) {
                out.append("        { name = ").append(quoted(column.name())).append(", type = ")
                        .append(quoted(column.hiveType())).append(" },\n");
            }
            out.append("      ]\n");
            out.append("    }\n");
        }
        out.append("  }\n");
        out.append("}\n");
        return out.toString();
    }

    /** An HCL string literal: quotes, backslashes and template openings escaped. */
    static String quoted(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '$', '%' -> {
                    s.append(c);
                    if (i + 1 < text.length() && text.charAt(i + 1) == '{') {
                        s.append(c); // $${ and %%{ are a literal ${ and %{
                    }
                }
                default -> s.append(c);
            }
        }
        return s.append('"').toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            System.out.println("Usage: java -cp target/avpipeline.jar " + GlueTablesTerraform.class.getName()
                    + " [FILE]\nWrites the Glue tables' columns, derived from the artifacts' Parquet schemas, to FILE"
                    + " (default " + DEFAULT_PATH + ").");
            System.exit(args.length > 1 ? 2 : 0);
        }
        Path target = args.length == 1 ? Path.of(args[0]) : DEFAULT_PATH;
        String text = render(CatalogTables.ALL);
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.writeString(temp, text, StandardCharsets.UTF_8);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("wrote " + target + " (" + CatalogTables.ALL.size() + " tables)");
    }
}
