package dev.certgateway.x509;

import java.util.List;

import dev.certgateway.x509.passthrough.ASN1Subject;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import dev.certgateway.x509.passthrough.CustomAttribute;
import dev.certgateway.x509.passthrough.CustomExtension;
import dev.certgateway.x509.passthrough.EdiPartyName;
import dev.certgateway.x509.passthrough.ExtendedKeyUsage;
import dev.certgateway.x509.passthrough.Extensions;
import dev.certgateway.x509.passthrough.GeneralName;
import dev.certgateway.x509.passthrough.KeyUsage;
import dev.certgateway.x509.passthrough.OtherName;
import dev.certgateway.x509.passthrough.PolicyInformation;

/** Terse builders for the ApiPassthrough records, whose constructors take every member. */
final class Passthroughs {

    private Passthroughs() {
    }

    static ASN1Subject cn(String commonName) {
        return subject("commonName", commonName);
    }

    /** A subject with one standard attribute set, named as in the JSON API. */
    static ASN1Subject subject(String field, String v) {
        return new ASN1Subject(is(field, "country", v), is(field, "organization", v),
                is(field, "organizationalUnit", v), is(field, "distinguishedNameQualifier", v), is(field, "state", v),
                is(field, "commonName", v), is(field, "serialNumber", v), is(field, "locality", v),
                is(field, "title", v), is(field, "surname", v), is(field, "givenName", v), is(field, "initials", v),
                is(field, "pseudonym", v), is(field, "generationQualifier", v), null);
    }

    static ASN1Subject custom(CustomAttribute... attributes) {
        return new ASN1Subject(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                List.of(attributes));
    }

    private static String is(String field, String name, String value) {
        return field.equals(name) ? value : null;
    }

    static GeneralName dns(String v) {
        return new GeneralName(null, null, v, null, null, null, null, null);
    }

    static GeneralName ip(String v) {
        return new GeneralName(null, null, null, null, null, null, v, null);
    }

    static GeneralName email(String v) {
        return new GeneralName(null, v, null, null, null, null, null, null);
    }

    static GeneralName uri(String v) {
        return new GeneralName(null, null, null, null, null, v, null, null);
    }

    static GeneralName registeredId(String v) {
        return new GeneralName(null, null, null, null, null, null, null, v);
    }

    static GeneralName otherName(String typeId, String value) {
        return new GeneralName(new OtherName(typeId, value), null, null, null, null, null, null, null);
    }

    static GeneralName edi(String nameAssigner, String partyName) {
        return new GeneralName(null, null, null, null, new EdiPartyName(partyName, nameAssigner), null, null, null);
    }

    static GeneralName directory(ASN1Subject name) {
        return new GeneralName(null, null, null, name, null, null, null, null);
    }

    static ApiPassthrough sans(GeneralName... names) {
        return new ApiPassthrough(new Extensions(null, null, null, List.of(names), null), null);
    }

    static ApiPassthrough subjectOnly(ASN1Subject subject) {
        return new ApiPassthrough(null, subject);
    }

    static ApiPassthrough keyUsage(KeyUsage ku) {
        return new ApiPassthrough(new Extensions(null, null, ku, null, null), null);
    }

    static ApiPassthrough eku(ExtendedKeyUsage... ekus) {
        return new ApiPassthrough(new Extensions(null, List.of(ekus), null, null, null), null);
    }

    static ApiPassthrough policies(PolicyInformation... policies) {
        return new ApiPassthrough(new Extensions(List.of(policies), null, null, null, null), null);
    }

    static ApiPassthrough customs(CustomExtension... extensions) {
        return new ApiPassthrough(new Extensions(null, null, null, null, List.of(extensions)), null);
    }

    static KeyUsage digitalSignatureOnly() {
        return new KeyUsage(true, null, null, null, null, null, null, null, null);
    }
}
