package org.itlgateway.gateway.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The checkpoints the ITL holds of a registry, as the ITL lists them (the simulator's control API answers this at
 * {@code GET /evidence/checkpoints?registry=CDM}): one JSON document, {@code format}, {@code registry} and
 * {@code checkpoints}, each checkpoint with the fields of an export's ({@link ArchiveExport.CheckpointEntry}).
 * {@code verify-archive --itl-checkpoints FILE} compares the archive with it.
 */
public record ItlCheckpoints(String format, String registry, List<ArchiveExport.CheckpointEntry> checkpoints) {

    /** The format's name and version, the document's {@code format}. */
    public static final String FORMAT = "itl-gateway evidence checkpoints held 1";

    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ItlCheckpoints {
        checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
    }

    /** The document of {@code held}, the checkpoints the ITL holds of {@code registry}. */
    public static ItlCheckpoints of(String registry, List<EvidenceCheckpoint> held) {
        return new ItlCheckpoints(FORMAT, Objects.requireNonNull(registry, "registry"),
                held.stream().map(ArchiveExport.CheckpointEntry::of).toList());
    }

    /** Reads a document written by the ITL; refuses one of another format. */
    public static ItlCheckpoints read(Path file) throws IOException {
        ItlCheckpoints read = JSON.readValue(Files.readAllBytes(file), ItlCheckpoints.class);
        if (!FORMAT.equals(read.format())) {
            throw new IllegalArgumentException(file + " is not a list of the checkpoints the ITL holds (format "
                    + read.format() + ", not " + FORMAT + ")");
        }
        return read;
    }

    /** The checkpoints, in sequence order. */
    public List<EvidenceCheckpoint> held() {
        return checkpoints.stream().map(ArchiveExport.CheckpointEntry::checkpoint)
                .sorted(java.util.Comparator.comparingLong(EvidenceCheckpoint::sequence)).toList();
    }
}
