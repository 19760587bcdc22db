/**
 * The Parquet encoder: the only code of ours that touches parquet-java below its public reader API. It owns how a
 * file of the project's format is made (artifact.md, "Format"): the column chunks' own encoding ({@link
 * org.avpipeline.parquet.ColumnChunk}: dictionary keys, RLE/bit-packed hybrid levels and indices, PLAIN fallback,
 * pages of {@value org.avpipeline.parquet.ColumnChunk#PAGE_ROWS} rows with their statistics), the row groups encoded
 * by one thread or several ({@link org.avpipeline.parquet.RowGroup}), the ZSTD and decompression codecs ({@link
 * org.avpipeline.parquet.PlainCodecs}), parquet-java's page store and file writer that write the pages, column and
 * offset indexes and the footer, and the file written under a temporary name, forced to the disk and renamed into
 * place ({@link org.avpipeline.parquet.StagedParquetFile}); and the read options our readers open files with ({@link
 * org.avpipeline.parquet.ReadOptions}).
 *
 * <p>Its API speaks parquet-java's schema ({@code MessageType}, {@code ColumnDescriptor}) and plain Java arrays, and it
 * imports no other package of ours (a leaf): {@code org.avpipeline.artifact} keeps the tables' schemas, the writers'
 * table logic (ticker order, row group limits, footer metadata), the reader and {@code inspect}'s overview.
 *
 * <p>One class of the fence lives outside it: {@code org.apache.parquet.PlainReadOptions} calls parquet-java's
 * package-private {@code ParquetReadOptions} constructor (there is no public way to read options without Hadoop), so
 * it must stay in parquet's package; {@link org.avpipeline.parquet.ReadOptions} is its only caller. A new parquet-java
 * release that changes that constructor or the page store fails the build here, and nowhere else.
 *
 * <p>{@code ParquetJavaFootersTest} compares the footers this encoder writes with those of parquet-java's own column
 * writers on the same rows.
 */
package org.avpipeline.parquet;
