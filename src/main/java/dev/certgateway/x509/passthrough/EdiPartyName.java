package dev.certgateway.x509.passthrough;

import io.swagger.v3.oas.annotations.media.Schema;

/** An EDIPartyName GeneralName. */
@Schema(description = "An EDIPartyName GeneralName")
public record EdiPartyName(
        @Schema(description = "The party name (required)") String partyName,
        @Schema(description = "Who assigned the name") String nameAssigner) {
}
