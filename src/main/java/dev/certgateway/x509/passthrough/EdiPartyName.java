package dev.certgateway.x509.passthrough;

/** An EDIPartyName GeneralName. */
public record EdiPartyName(String partyName, String nameAssigner) {
}
