/**
 * The artifacts as tables of a query engine's catalog: each artifact's Parquet schema turned into the columns of an
 * AWS Glue table (Hive types) that Athena reads, and the Terraform file that declares them
 * ({@code deploy/terraform/glue_tables.tf}, written by {@link org.avpipeline.catalog.GlueTablesTerraform}).
 */
package org.avpipeline.catalog;
