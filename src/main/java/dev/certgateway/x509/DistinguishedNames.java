package dev.certgateway.x509;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.x509.passthrough.ASN1Subject;
import dev.certgateway.x509.passthrough.CustomAttribute;

/**
 * Converts ACM PCA's {@link ASN1Subject} into an X.500 name, validating every attribute.
 *
 * <p>Attributes appear in this fixed order, most general first and CN last, as in most issued certificates:
 * C, ST, L, O, OU, dnQualifier, title, surname, givenName, initials, pseudonym, generationQualifier, serialNumber,
 * CN. Each standard attribute is its own single-valued RDN. Values are UTF8String (RFC 5280 section 4.1.2.4 MUST for
 * new certificates) except country, serialNumber and dnQualifier, which X.520 defines as PrintableString. Custom
 * attributes keep the order given. Values are built directly rather than via {@code X500NameBuilder}'s string
 * parsing, which would treat a value starting with '#' as hex-encoded DER.
 *
 * <p>Length limits are ACM PCA's (its API model), which are at most RFC 5280's upper bounds.
 */
final class DistinguishedNames {

    static final int MAX_CUSTOM_ATTRIBUTES = 150;
    private static final int MAX_CUSTOM_VALUE = 256;

    private enum Encoding { UTF8, PRINTABLE, COUNTRY }

    private DistinguishedNames() {
    }

    /**
     * @return the name, empty (no RDNs) when the subject gives no attribute at all
     * @throws InvalidArgsException naming {@code path}.attribute
     */
    static X500Name from(ASN1Subject s, String path) {
        List<CustomAttribute> custom = s.customAttributes();
        List<RDN> rdns = new ArrayList<>();
        add(rdns, path, "country", s.country(), BCStyle.C, 2, Encoding.COUNTRY);
        add(rdns, path, "state", s.state(), BCStyle.ST, 128, Encoding.UTF8);
        add(rdns, path, "locality", s.locality(), BCStyle.L, 128, Encoding.UTF8);
        add(rdns, path, "organization", s.organization(), BCStyle.O, 64, Encoding.UTF8);
        add(rdns, path, "organizationalUnit", s.organizationalUnit(), BCStyle.OU, 64, Encoding.UTF8);
        add(rdns, path, "distinguishedNameQualifier", s.distinguishedNameQualifier(), BCStyle.DN_QUALIFIER, 64,
                Encoding.PRINTABLE);
        add(rdns, path, "title", s.title(), BCStyle.T, 64, Encoding.UTF8);
        add(rdns, path, "surname", s.surname(), BCStyle.SURNAME, 40, Encoding.UTF8);
        add(rdns, path, "givenName", s.givenName(), BCStyle.GIVENNAME, 16, Encoding.UTF8);
        add(rdns, path, "initials", s.initials(), BCStyle.INITIALS, 5, Encoding.UTF8);
        add(rdns, path, "pseudonym", s.pseudonym(), BCStyle.PSEUDONYM, 128, Encoding.UTF8);
        add(rdns, path, "generationQualifier", s.generationQualifier(), BCStyle.GENERATION, 3, Encoding.UTF8);
        add(rdns, path, "serialNumber", s.serialNumber(), BCStyle.SERIALNUMBER, 64, Encoding.PRINTABLE);
        add(rdns, path, "commonName", s.commonName(), BCStyle.CN, 64, Encoding.UTF8);
        if (custom != null) {
            if (!rdns.isEmpty()) {
                throw new InvalidArgsException(path + ".customAttributes cannot be combined with standard attributes"
                        + " (country, organization, commonName, ...); give either customAttributes only or standard"
                        + " attributes only");
            }
            if (custom.isEmpty() || custom.size() > MAX_CUSTOM_ATTRIBUTES) {
                throw new InvalidArgsException(path + ".customAttributes: give 1 to " + MAX_CUSTOM_ATTRIBUTES
                        + " attributes (got " + custom.size() + ")");
            }
            for (int i = 0; i < custom.size(); i++) {
                String at = path + ".customAttributes[" + i + "]";
                CustomAttribute attribute = custom.get(i);
                if (attribute == null) {
                    throw new InvalidArgsException(at + " is null; give {objectIdentifier, value}");
                }
                ASN1ObjectIdentifier oid = Oids.parse(attribute.objectIdentifier(), at + ".objectIdentifier");
                String value = text(attribute.value(), at + ".value", MAX_CUSTOM_VALUE);
                if (value == null) {
                    throw new InvalidArgsException(at + ".value is required; give 1 to " + MAX_CUSTOM_VALUE
                            + " characters");
                }
                rdns.add(new RDN(oid, new DERUTF8String(value)));
            }
        }
        return new X500Name(rdns.toArray(RDN[]::new));
    }

    private static void add(List<RDN> rdns, String path, String name, String raw, ASN1ObjectIdentifier oid,
            int maxLength, Encoding encoding) {
        String at = path + "." + name;
        if (encoding == Encoding.COUNTRY && raw != null && !raw.isBlank() && !raw.matches("[A-Za-z]{2}")) {
            throw new InvalidArgsException(at + ": '" + raw + "' is not a country code; give exactly 2"
                    + " letters (ISO 3166-1 alpha-2, e.g. US)");
        }
        String value = text(raw, at, maxLength);
        if (value == null) {
            return;
        }
        ASN1Encodable encoded = switch (encoding) {
            case UTF8 -> new DERUTF8String(value);
            case PRINTABLE -> {
                if (!DERPrintableString.isPrintableString(value)) {
                    throw new InvalidArgsException(at + ": '" + value + "' is not a PrintableString; use only"
                            + " letters, digits, space and ' ( ) + , - . / : = ?");
                }
                yield new DERPrintableString(value);
            }
            case COUNTRY -> {
                // ISO 3166 codes are upper case; relying parties compare names byte for byte.
                yield new DERPrintableString(value.toUpperCase(Locale.ROOT));
            }
        };
        rdns.add(new RDN(new AttributeTypeAndValue(oid, encoded)));
    }

    /** @return null when absent; the value when it is non-blank and within {@code maxLength} characters */
    private static String text(String value, String at, int maxLength) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw new InvalidArgsException(at + " must not be blank; omit it or give 1 to " + maxLength
                    + " characters");
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            throw new InvalidArgsException(at + " is " + length + " characters long; at most " + maxLength
                    + " are accepted");
        }
        return value;
    }
}
