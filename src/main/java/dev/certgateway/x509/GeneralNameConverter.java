package dev.certgateway.x509;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.DirectoryString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.x509.passthrough.EdiPartyName;
import dev.certgateway.x509.passthrough.OtherName;

/** Converts and validates the API's GeneralNames (subject alternative names). */
final class GeneralNameConverter {

    static final int MAX_NAMES = 150;
    private static final int MAX_DNS = 253;
    private static final int MAX_URI = 253;
    private static final int MAX_RFC822 = 256;
    private static final int MAX_TEXT = 256;

    private static final String MEMBERS = "otherName, rfc822Name, dnsName, directoryName, ediPartyName,"
            + " uniformResourceIdentifier, ipAddress, registeredId";
    // A DNS label in its ASCII (IDNA A-label) form: letters, digits and inner hyphens, 1 to 63 characters.
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private GeneralNameConverter() {
    }

    /** @throws InvalidArgsException naming {@code path}[i].member */
    static GeneralNames fromList(List<dev.certgateway.x509.passthrough.GeneralName> names, String path) {
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw new InvalidArgsException(path + ": give 1 to " + MAX_NAMES + " names (got " + names.size() + ")");
        }
        GeneralName[] out = new GeneralName[names.size()];
        for (int i = 0; i < names.size(); i++) {
            out[i] = from(names.get(i), path + "[" + i + "]");
        }
        return new GeneralNames(out);
    }

    static GeneralName from(dev.certgateway.x509.passthrough.GeneralName name, String path) {
        if (name == null) {
            throw new InvalidArgsException(path + " is null; give exactly one of " + MEMBERS);
        }
        List<String> given = new ArrayList<>();
        if (name.otherName() != null) given.add("otherName");
        if (name.rfc822Name() != null) given.add("rfc822Name");
        if (name.dnsName() != null) given.add("dnsName");
        if (name.directoryName() != null) given.add("directoryName");
        if (name.ediPartyName() != null) given.add("ediPartyName");
        if (name.uniformResourceIdentifier() != null) given.add("uniformResourceIdentifier");
        if (name.ipAddress() != null) given.add("ipAddress");
        if (name.registeredId() != null) given.add("registeredId");
        if (given.size() != 1) {
            throw new InvalidArgsException(path + ": give exactly one of " + MEMBERS + " (got "
                    + (given.isEmpty() ? "none" : String.join(", ", given)) + ")");
        }
        String at = path + "." + given.get(0);
        return switch (given.get(0)) {
            case "otherName" -> otherName(name.otherName(), at);
            case "rfc822Name" -> rfc822Name(name.rfc822Name(), at);
            case "dnsName" -> new GeneralName(GeneralName.dNSName, new DERIA5String(dnsName(name.dnsName(), at)));
            case "directoryName" -> directoryName(name, at);
            case "ediPartyName" -> ediPartyName(name.ediPartyName(), at);
            case "uniformResourceIdentifier" -> new GeneralName(GeneralName.uniformResourceIdentifier,
                    new DERIA5String(uri(name.uniformResourceIdentifier(), at, MAX_URI)));
            case "ipAddress" -> ipAddress(name.ipAddress(), at);
            case "registeredId" -> new GeneralName(GeneralName.registeredID, Oids.parse(name.registeredId(), at));
            default -> throw new IllegalStateException(given.get(0));
        };
    }

    /** A host name in ASCII form, optionally a wildcard "*." in the leftmost label only. */
    static String dnsName(String value, String at) {
        String accepted = "; give an ASCII host name (IDNA A-labels for international names) of labels of 1 to 63"
                + " letters, digits or inner hyphens, at most " + MAX_DNS + " characters, optionally starting with"
                + " '*.'";
        if (value.isEmpty()) {
            throw new InvalidArgsException(at + " is empty" + accepted);
        }
        if (value.length() > MAX_DNS || !StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
            throw new InvalidArgsException(at + ": '" + value + "' is not a valid DNS name" + accepted);
        }
        String host = value.startsWith("*.") ? value.substring(2) : value;
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidArgsException(at + ": '" + value + "' is not a valid DNS name" + accepted);
            }
        }
        return value;
    }

    private static GeneralName rfc822Name(String value, String at) {
        int atSign = value.lastIndexOf('@');
        if (value.length() > MAX_RFC822 || atSign <= 0 || atSign == value.length() - 1
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(value) || value.chars().anyMatch(c -> c <= ' ')) {
            throw new InvalidArgsException(at + ": '" + value + "' is not an email address; give local-part@domain in"
                    + " ASCII, at most " + MAX_RFC822 + " characters");
        }
        return new GeneralName(GeneralName.rfc822Name, new DERIA5String(value));
    }

    static String uri(String value, String at, int maxLength) {
        String accepted = "; give an absolute URI with a scheme (e.g. https://example.com/path) in ASCII, at most "
                + maxLength + " characters";
        if (value.isEmpty() || value.length() > maxLength
                || !StandardCharsets.US_ASCII.newEncoder().canEncode(value)) {
            throw new InvalidArgsException(at + ": '" + value + "' is not a valid URI" + accepted);
        }
        try {
            if (!new URI(value).isAbsolute()) {
                throw new InvalidArgsException(at + ": '" + value + "' has no scheme" + accepted);
            }
        } catch (URISyntaxException e) {
            throw new InvalidArgsException(at + ": '" + value + "' is not a valid URI (" + e.getReason() + ")"
                    + accepted);
        }
        return value;
    }

    private static GeneralName ipAddress(String value, String at) {
        byte[] octets = IpAddresses.parse(value);
        if (octets == null) {
            throw new InvalidArgsException(at + ": '" + value + "' is not an IP address; give an IPv4 literal"
                    + " (e.g. 192.0.2.1) or an IPv6 literal (e.g. 2001:db8::1), without prefix length or zone");
        }
        return new GeneralName(GeneralName.iPAddress, new DEROctetString(octets));
    }

    private static GeneralName otherName(OtherName other, String at) {
        ASN1ObjectIdentifier type = Oids.parse(other.typeId(), at + ".typeId");
        String value = text(other.value(), at + ".value", true);
        // OtherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY type-id }
        return new GeneralName(GeneralName.otherName,
                new DERSequence(new org.bouncycastle.asn1.ASN1Encodable[] {
                        type, new DERTaggedObject(true, 0, new DERUTF8String(value))}));
    }

    private static GeneralName ediPartyName(EdiPartyName edi, String at) {
        String partyName = text(edi.partyName(), at + ".partyName", true);
        String nameAssigner = text(edi.nameAssigner(), at + ".nameAssigner", false);
        // EDIPartyName ::= SEQUENCE { nameAssigner [0] DirectoryString OPTIONAL, partyName [1] DirectoryString };
        // DirectoryString is a CHOICE, so its tags are explicit.
        ASN1EncodableVector v = new ASN1EncodableVector();
        if (nameAssigner != null) {
            v.add(new DERTaggedObject(true, 0, new DirectoryString(nameAssigner)));
        }
        v.add(new DERTaggedObject(true, 1, new DirectoryString(partyName)));
        return new GeneralName(GeneralName.ediPartyName, new DERSequence(v));
    }

    private static GeneralName directoryName(dev.certgateway.x509.passthrough.GeneralName name, String at) {
        X500Name dn = DistinguishedNames.from(name.directoryName(), at);
        if (dn.getRDNs().length == 0) {
            throw new InvalidArgsException(at + " is empty; give at least one attribute (e.g. commonName)");
        }
        return new GeneralName(dn);
    }

    private static String text(String value, String at, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidArgsException(at + " is required; give 1 to " + MAX_TEXT + " characters");
            }
            return null;
        }
        if (value.isBlank() || value.codePointCount(0, value.length()) > MAX_TEXT) {
            throw new InvalidArgsException(at + ": give 1 to " + MAX_TEXT + " non-blank characters");
        }
        return value;
    }
}
