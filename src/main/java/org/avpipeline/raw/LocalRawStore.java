package org.avpipeline.raw;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.zip.ZipException;
import org.avpipeline.alphavantage.ApiKeyRedactor;

/**
 * The raw store in a local directory: {@code <root>/raw/<TICKER>/<FUNCTION>.json.gz} and {@code .meta.json}.
 *
 * <p>Writes are atomic and ordered so that <em>metadata present ⇒ answer complete and matching its sha256</em>:
 * both files are first written in full to hidden temporary files in the same directory and fsynced; then the old
 * metadata is removed, the answer is renamed into place, and the new metadata last. A crash at any point leaves
 * either the old pair, or an answer without metadata (which counts as absent, so it is fetched again), or the new
 * pair. Reading checks the gzip trailer (CRC and length) and the sha256 ({@link #readIntact}: the trailer only).
 *
 * <p>Vintages ({@link RawKey#vintaged()}): before an answer of other content replaces the stored one, the stored pair
 * is copied to {@code raw/<TICKER>/_vintages/<FUNCTION>/<firstFetchedAt>.json.gz} and {@code .meta.json} the same way
 * (answer first, metadata last, each through a synced temporary file and an atomic rename); only then does the
 * replacement above begin. A crash before it leaves the old answer current (and perhaps already kept, which the
 * next write repeats harmlessly); after it, the old one is kept. {@link #vintages} lists what is kept.
 */
public final class LocalRawStore implements RawStore {

    private final Path root;
    private final DurableFiles files;
    private final Consumer<String> stepHook;

    public LocalRawStore(Path root) {
        this(root, UnaryOperator.identity());
    }

    /** For tests: every file's output stream passes through {@code streamHook} (to simulate a failing disk). */
    LocalRawStore(Path root, UnaryOperator<OutputStream> streamHook) {
        this(root, streamHook, step -> { });
    }

    /**
     * For tests: {@code stepHook} is told the name of each step of a write before it is taken (to simulate a crash
     * between two steps by throwing).
     */
    LocalRawStore(Path root, UnaryOperator<OutputStream> streamHook, Consumer<String> stepHook) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.files = new DurableFiles(streamHook);
        this.stepHook = stepHook;
    }

    public Path root() {
        return root;
    }

    /** Where an answer lives on disk. */
    public Path answerFile(RawKey key) {
        return root.resolve(key.answerPath());
    }

    /** Where an answer's metadata lives on disk. */
    public Path metadataFile(RawKey key) {
        return root.resolve(key.metadataPath());
    }

    @Override
    public void write(RawKey key, byte[] body, AnswerMetadata metadata) throws IOException {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(metadata, "metadata");
        String sha = Sha256.hex(body);
        if (!sha.equalsIgnoreCase(metadata.sha256())) {
            throw new IllegalArgumentException("metadata sha256 does not match the body of " + key.answerPath());
        }
        Optional<AnswerMetadata> old = currentMetadata(key);
        boolean same = old.isPresent() && old.get().sha256().equalsIgnoreCase(sha);
        AnswerMetadata stored = new AnswerMetadata(metadata.fetchedAt(),
                ApiKeyRedactor.redactUrl(metadata.request()), sha,
                same ? old.get().firstFetchedAt() : metadata.fetchedAt(),
                ValuesDigest.recorded(key, body, metadata).valuesDigest());
        Path answer = answerFile(key);
        Path meta = metadataFile(key);
        Path dir = answer.getParent();
        Files.createDirectories(dir);
        Path tmpAnswer = null;
        Path tmpMeta = null;
        try {
            tmpAnswer = TempFiles.createBeside(answer);
            files.write(tmpAnswer, body, true);
            tmpMeta = TempFiles.createBeside(meta);
            files.write(tmpMeta, AnswerMetadataJson.toJson(stored), false);
            if (old.isPresent() && !same && key.vintaged()) {
                keepVintage(key, old.get());
            }
            stepHook.accept("remove old metadata");
            Files.deleteIfExists(meta);
            stepHook.accept("place answer");
            Files.move(tmpAnswer, answer, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            stepHook.accept("place metadata");
            Files.move(tmpMeta, meta, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            DurableFiles.syncDirectory(dir);
        } finally {
            if (tmpAnswer != null) {
                Files.deleteIfExists(tmpAnswer);
            }
            if (tmpMeta != null) {
                Files.deleteIfExists(tmpMeta);
            }
        }
    }

    /** The stored metadata, or empty when there is none or it cannot be read (the write then replaces it). */
    private Optional<AnswerMetadata> currentMetadata(RawKey key) {
        try {
            return metadata(key);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies the current pair (described by {@code old}) to its vintage place: answer first, metadata last. */
    private void keepVintage(RawKey key, AnswerMetadata old) throws IOException {
        Path answer = root.resolve(key.vintageAnswerPath(old.firstFetchedAt()));
        Path meta = root.resolve(key.vintageMetadataPath(old.firstFetchedAt()));
        Files.createDirectories(answer.getParent());
        stepHook.accept("keep vintage answer");
        byte[] gzip = Files.readAllBytes(answerFile(key));
        files.place(answer, gzip);
        stepHook.accept("keep vintage metadata");
        files.place(meta, AnswerMetadataJson.toJson(withValuesDigest(key, old, gzip)));
        DurableFiles.syncDirectory(answer.getParent());
    }

    /**
     * A kept record written before values digests (or by a store that did not make one) gets the digest of its
     * answer, so that later builds need not read it when it equals its neighbour in values; an unreadable answer
     * keeps none.
     */
    private static AnswerMetadata withValuesDigest(RawKey key, AnswerMetadata old, byte[] gzip) {
        if (old.valuesDigest() != null) {
            return old;
        }
        try {
            return ValuesDigest.recorded(key, Gunzip.decompress(gzip), old);
        } catch (IOException e) {
            return old;
        }
    }

    @Override
    public List<AnswerMetadata> vintageRecords(RawKey key) throws IOException {
        Path folder = root.resolve(key.vintageFolder());
        if (!key.vintaged() || !Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> records;
        try (Stream<Path> list = Files.list(folder)) {
            records = list.filter(p -> p.getFileName().toString().endsWith(META_SUFFIX) && !TempFiles.isTemporary(p))
                    .sorted().toList();
        }
        List<AnswerMetadata> out = new ArrayList<>(records.size());
        for (Path record : records) {
            try {
                out.add(AnswerMetadataJson.fromJson(Files.readAllBytes(record)));
            } catch (NoSuchFileException e) {
                continue;
            } catch (IOException e) {
                throw new IOException("unreadable kept vintage " + record + ": " + e.getMessage(), e);
            }
        }
        out.sort(Comparator.comparing(AnswerMetadata::firstFetchedAt));
        return List.copyOf(out);
    }

    @Override
    public Optional<StoredAnswer> vintage(RawKey key, AnswerMetadata record) throws IOException {
        Path answer = root.resolve(key.vintageAnswerPath(record.firstFetchedAt()));
        try {
            return Optional.of(new StoredAnswer(Gunzip.decompress(Files.readAllBytes(answer)), record));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (ZipException | EOFException e) {
            throw new IOException("corrupt kept vintage " + answer + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException("unreadable kept vintage " + answer + ": " + e.getMessage(), e);
        }
    }

    private static final String META_SUFFIX = ".meta.json";

    @Override
    public Optional<StoredAnswer> read(RawKey key) throws IOException {
        return read(key, true);
    }

    /**
     * Without the SHA-256: this store's writes rename the answer into place before its metadata and remove the old
     * metadata first, so present metadata always belongs to the answer beside it (see above).
     */
    @Override
    public Optional<StoredAnswer> readIntact(RawKey key) throws IOException {
        return read(key, false);
    }

    private Optional<StoredAnswer> read(RawKey key, boolean hashed) throws IOException {
        Optional<AnswerMetadata> meta = metadata(key);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        Path answer = answerFile(key);
        byte[] body;
        try {
            body = Gunzip.decompress(Files.readAllBytes(answer));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (ZipException | EOFException e) {
            throw new IOException("corrupt raw answer " + answer + ": " + e.getMessage(), e);
        }
        if (hashed && !Sha256.hex(body).equalsIgnoreCase(meta.get().sha256())) {
            throw new IOException("raw answer " + answer + " does not match the sha256 of its metadata");
        }
        return Optional.of(new StoredAnswer(body, meta.get()));
    }

    @Override
    public Optional<AnswerMetadata> metadata(RawKey key) throws IOException {
        Path meta = metadataFile(key);
        if (!Files.exists(meta) || !Files.exists(answerFile(key))) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(meta);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(AnswerMetadataJson.fromJson(bytes));
        } catch (IOException e) {
            throw new IOException("unreadable raw metadata " + meta + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> incomplete(RawKey key) {
        boolean answer = Files.isRegularFile(answerFile(key));
        boolean meta = Files.isRegularFile(metadataFile(key));
        if (answer && !meta) {
            return Optional.of("its metadata " + metadataFile(key).getFileName()
                    + " is missing: the answer cannot be verified");
        }
        if (meta && !answer) {
            return Optional.of("its answer " + answerFile(key).getFileName() + " is missing (metadata only)");
        }
        return Optional.empty();
    }

    /**
     * Removes the temporary files a killed write left in {@code raw/} (only while no other process writes to this
     * store). Returns how many were removed.
     */
    public int removeLeftovers() throws IOException {
        Path raw = root.resolve("raw");
        if (!Files.isDirectory(raw)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> walk = Files.walk(raw, 4)) {
            for (Path p : walk.filter(TempFiles::isTemporary).filter(Files::isRegularFile).toList()) {
                Files.deleteIfExists(p);
                removed++;
            }
        }
        return removed;
    }

    @Override
    public String describe() {
        return "local directory " + root;
    }
}
