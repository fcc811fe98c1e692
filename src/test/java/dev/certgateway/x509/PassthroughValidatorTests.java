package dev.certgateway.x509;

import static dev.certgateway.x509.Passthroughs.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.certgateway.error.InvalidArgsException;
import dev.certgateway.x509.passthrough.ASN1Subject;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import dev.certgateway.x509.passthrough.CustomAttribute;
import dev.certgateway.x509.passthrough.CustomExtension;
import dev.certgateway.x509.passthrough.ExtendedKeyUsage;
import dev.certgateway.x509.passthrough.ExtendedKeyUsageType;
import dev.certgateway.x509.passthrough.Extensions;
import dev.certgateway.x509.passthrough.KeyUsage;
import dev.certgateway.x509.passthrough.PolicyInformation;
import dev.certgateway.x509.passthrough.PolicyQualifierInfo;
import dev.certgateway.x509.passthrough.Qualifier;

class PassthroughValidatorTests {

    private static final String SAN0 = "apiPassthrough.extensions.subjectAlternativeNames[0]";
    /** DER of BOOLEAN TRUE, a valid extension value. */
    private static final String DER_TRUE = Base64.getEncoder().encodeToString(new byte[] {1, 1, (byte) 0xff});

    static Stream<Arguments> rejected() {
        var two = new dev.certgateway.x509.passthrough.GeneralName(null, null, "a.example", null, null, null,
                "192.0.2.1", null);
        var none = new dev.certgateway.x509.passthrough.GeneralName(null, null, null, null, null, null, null, null);
        return Stream.of(
                Arguments.of("fail/san-two-members", sans(two), SAN0 + ": give exactly one of otherName, rfc822Name,"
                        + " dnsName, directoryName, ediPartyName, uniformResourceIdentifier, ipAddress, registeredId"
                        + " (got dnsName, ipAddress)"),
                Arguments.of("fail/san-no-member", sans(none), SAN0 + ": give exactly one of"),
                Arguments.of("fail/san-empty-list", new ApiPassthrough(new Extensions(null, null, null, List.of(),
                        null), null), "apiPassthrough.extensions.subjectAlternativeNames: give 1 to 150 names"),
                Arguments.of("fail/dns-empty", sans(dns("")), SAN0 + ".dnsName is empty"),
                Arguments.of("fail/dns-unicode", sans(dns("bücher.example")), SAN0 + ".dnsName: 'bücher.example' is"
                        + " not a valid DNS name; give an ASCII host name (IDNA A-labels"),
                Arguments.of("fail/dns-label-64", sans(dns("a".repeat(64) + ".example")), SAN0 + ".dnsName"),
                Arguments.of("fail/dns-254-chars", sans(dns(("a".repeat(62) + ".").repeat(4) + "abcd")),
                        SAN0 + ".dnsName"),
                Arguments.of("fail/dns-double-wildcard", sans(dns("*.*.example.com")), SAN0 + ".dnsName"),
                Arguments.of("fail/dns-inner-wildcard", sans(dns("www.*.example.com")), SAN0 + ".dnsName"),
                Arguments.of("fail/dns-empty-label", sans(dns("a..example")), SAN0 + ".dnsName"),
                Arguments.of("fail/dns-hyphen-edge", sans(dns("-a.example")), SAN0 + ".dnsName"),
                Arguments.of("fail/dns-in-second-entry", sans(dns("ok.example"), dns("bad_name.example")),
                        "apiPassthrough.extensions.subjectAlternativeNames[1].dnsName"),
                Arguments.of("fail/ip-hostname-is-not-resolved", sans(ip("localhost")), SAN0 + ".ipAddress:"
                        + " 'localhost' is not an IP address; give an IPv4 literal"),
                Arguments.of("fail/ip-octet-256", sans(ip("192.0.2.256")), SAN0 + ".ipAddress"),
                Arguments.of("fail/ip-leading-zero", sans(ip("192.0.2.01")), SAN0 + ".ipAddress"),
                Arguments.of("fail/ip-cidr", sans(ip("192.0.2.0/24")), SAN0 + ".ipAddress"),
                Arguments.of("fail/ip-v6-zone", sans(ip("fe80::1%eth0")), SAN0 + ".ipAddress"),
                Arguments.of("fail/ip-v6-nine-groups", sans(ip("1:2:3:4:5:6:7:8:9")), SAN0 + ".ipAddress"),
                Arguments.of("fail/ip-v6-two-gaps", sans(ip("1::2::3")), SAN0 + ".ipAddress"),
                Arguments.of("fail/rfc822-no-at", sans(email("user.example.com")), SAN0 + ".rfc822Name:"
                        + " 'user.example.com' is not an email address"),
                Arguments.of("fail/rfc822-empty-domain", sans(email("user@")), SAN0 + ".rfc822Name"),
                Arguments.of("fail/uri-relative", sans(uri("/just/a/path")), SAN0 + ".uniformResourceIdentifier:"
                        + " '/just/a/path' has no scheme"),
                Arguments.of("fail/uri-syntax", sans(uri("https://exa mple.com")), SAN0
                        + ".uniformResourceIdentifier: 'https://exa mple.com' is not a valid URI"),
                Arguments.of("fail/registered-id", sans(registeredId("1.2.x")), SAN0 + ".registeredId: '1.2.x' is not"
                        + " a valid object identifier"),
                Arguments.of("fail/registered-id-second-arc-40", sans(registeredId("1.40.1")), SAN0 + ".registeredId"),
                Arguments.of("fail/registered-id-first-arc", sans(registeredId("3.1")), SAN0 + ".registeredId"),
                Arguments.of("fail/other-name-type", sans(otherName("not-an-oid", "v")), SAN0 + ".otherName.typeId"),
                Arguments.of("fail/other-name-value-missing", sans(otherName("1.3.6.1.4.1.311.20.2.3", null)),
                        SAN0 + ".otherName.value is required"),
                Arguments.of("fail/edi-party-name-missing", sans(edi("assigner", null)),
                        SAN0 + ".ediPartyName.partyName is required"),
                Arguments.of("fail/directory-name-empty", sans(directory(subject("none", null))),
                        SAN0 + ".directoryName is empty"),
                Arguments.of("fail/directory-name-country", sans(directory(subject("country", "USA"))),
                        SAN0 + ".directoryName.country: 'USA' is not a country code; give exactly 2 letters"),
                Arguments.of("fail/subject-custom-with-standard", subjectOnly(new ASN1Subject("US", null, null, null,
                        null, "x", null, null, null, null, null, null, null, null,
                        List.of(new CustomAttribute("2.5.4.3", "y")))),
                        "apiPassthrough.subject.customAttributes cannot be combined with standard attributes"),
                Arguments.of("fail/subject-country-digit", subjectOnly(subject("country", "U1")),
                        "apiPassthrough.subject.country"),
                Arguments.of("fail/subject-cn-65", subjectOnly(cn("x".repeat(65))),
                        "apiPassthrough.subject.commonName is 65 characters long; at most 64 are accepted"),
                Arguments.of("fail/subject-locality-129", subjectOnly(subject("locality", "x".repeat(129))),
                        "apiPassthrough.subject.locality is 129 characters long; at most 128"),
                Arguments.of("fail/subject-surname-41", subjectOnly(subject("surname", "x".repeat(41))),
                        "apiPassthrough.subject.surname is 41"),
                Arguments.of("fail/subject-given-name-17", subjectOnly(subject("givenName", "x".repeat(17))),
                        "apiPassthrough.subject.givenName is 17"),
                Arguments.of("fail/subject-initials-6", subjectOnly(subject("initials", "ABCDEF")),
                        "apiPassthrough.subject.initials is 6"),
                Arguments.of("fail/subject-generation-qualifier-4", subjectOnly(subject("generationQualifier",
                        "IIII")), "apiPassthrough.subject.generationQualifier is 4"),
                Arguments.of("fail/subject-blank-organization", subjectOnly(subject("organization", " ")),
                        "apiPassthrough.subject.organization must not be blank"),
                Arguments.of("fail/subject-serial-not-printable", subjectOnly(subject("serialNumber", "a_b")),
                        "apiPassthrough.subject.serialNumber: 'a_b' is not a PrintableString"),
                Arguments.of("fail/subject-dn-qualifier-not-printable",
                        subjectOnly(subject("distinguishedNameQualifier", "é")),
                        "apiPassthrough.subject.distinguishedNameQualifier"),
                Arguments.of("fail/subject-custom-oid", subjectOnly(custom(new CustomAttribute("2.5.4.x", "v"))),
                        "apiPassthrough.subject.customAttributes[0].objectIdentifier"),
                Arguments.of("fail/subject-custom-value-missing", subjectOnly(custom(new CustomAttribute("2.5.4.3",
                        null))), "apiPassthrough.subject.customAttributes[0].value is required"),
                Arguments.of("fail/eku-type-and-oid", eku(new ExtendedKeyUsage(ExtendedKeyUsageType.SERVER_AUTH,
                        "1.2.3")), "apiPassthrough.extensions.extendedKeyUsage[0]: give exactly one of"
                        + " extendedKeyUsageType or extendedKeyUsageObjectIdentifier"),
                Arguments.of("fail/eku-neither", eku(new ExtendedKeyUsage(null, null)),
                        "apiPassthrough.extensions.extendedKeyUsage[0]: give exactly one of"),
                Arguments.of("fail/eku-bad-oid", eku(new ExtendedKeyUsage(null, "1..2")),
                        "apiPassthrough.extensions.extendedKeyUsage[0].extendedKeyUsageObjectIdentifier"),
                Arguments.of("fail/eku-duplicate", eku(new ExtendedKeyUsage(ExtendedKeyUsageType.SERVER_AUTH, null),
                        new ExtendedKeyUsage(null, "1.3.6.1.5.5.7.3.1")),
                        "apiPassthrough.extensions.extendedKeyUsage[1]: purpose 1.3.6.1.5.5.7.3.1 is listed twice"),
                Arguments.of("fail/policy-qualifier-not-cps", policies(new PolicyInformation("2.23.140.1.2.1",
                        List.of(new PolicyQualifierInfo("UserNotice", new Qualifier("https://cps.example"))))),
                        "apiPassthrough.extensions.certificatePolicies[0].policyQualifiers[0].policyQualifierId:"
                                + " give CPS"),
                Arguments.of("fail/policy-cps-uri-missing", policies(new PolicyInformation("2.23.140.1.2.1",
                        List.of(new PolicyQualifierInfo("CPS", new Qualifier(null))))),
                        "certificatePolicies[0].policyQualifiers[0].qualifier.cpsUri is required"),
                Arguments.of("fail/policy-cps-uri-relative", policies(new PolicyInformation("2.23.140.1.2.1",
                        List.of(new PolicyQualifierInfo("CPS", new Qualifier("cps.html"))))),
                        "certificatePolicies[0].policyQualifiers[0].qualifier.cpsUri: 'cps.html' has no scheme"),
                Arguments.of("fail/policy-duplicate", policies(new PolicyInformation("2.23.140.1.2.1", null),
                        new PolicyInformation("2.23.140.1.2.1", null)),
                        "certificatePolicies[1].certPolicyId: 2.23.140.1.2.1 is listed twice"),
                Arguments.of("fail/policy-id-missing", policies(new PolicyInformation(null, null)),
                        "apiPassthrough.extensions.certificatePolicies[0].certPolicyId is required"),
                Arguments.of("fail/custom-not-base64", customs(new CustomExtension("1.2.3.4", "not base64!", null)),
                        "apiPassthrough.extensions.customExtensions[0].value is not valid base64"),
                Arguments.of("fail/custom-not-der", customs(new CustomExtension("1.2.3.4", "////", null)),
                        "customExtensions[0].value does not decode to a single DER-encoded ASN.1 value"),
                Arguments.of("fail/custom-trailing-bytes", customs(new CustomExtension("1.2.3.4",
                        Base64.getEncoder().encodeToString(new byte[] {1, 1, 0, 5}), null)),
                        "customExtensions[0].value does not decode to a single DER"),
                Arguments.of("fail/custom-value-missing", customs(new CustomExtension("1.2.3.4", null, true)),
                        "customExtensions[0].value is required"),
                Arguments.of("fail/custom-oid", customs(new CustomExtension("abc", DER_TRUE, true)),
                        "customExtensions[0].objectIdentifier"),
                Arguments.of("fail/custom-151", new ApiPassthrough(new Extensions(null, null, null, null,
                        Collections.nCopies(151, new CustomExtension("1.2.3.4", DER_TRUE, null))), null),
                        "apiPassthrough.extensions.customExtensions: give 1 to 150 entries (got 151)"),
                Arguments.of("fail/custom-same-oid-twice", customs(new CustomExtension("1.2.3.4", DER_TRUE, null),
                        new CustomExtension("1.2.3.4", DER_TRUE, true)),
                        "apiPassthrough.extensions.customExtensions[1]: extension 1.2.3.4 is also given by"
                                + " apiPassthrough.extensions.customExtensions[0]"),
                Arguments.of("fail/custom-key-usage-and-structured", new ApiPassthrough(new Extensions(null, null,
                        digitalSignatureOnly(), null, List.of(new CustomExtension("2.5.29.15", "AwIHgA==", true))),
                        null), "customExtensions[0]: extension 2.5.29.15 is also given by"
                        + " apiPassthrough.extensions.keyUsage"),
                Arguments.of("fail/custom-san-and-structured", new ApiPassthrough(new Extensions(null, null, null,
                        List.of(dns("a.example")), List.of(new CustomExtension("2.5.29.17", DER_TRUE, false))), null),
                        "is also given by apiPassthrough.extensions.subjectAlternativeNames"),
                Arguments.of("fail/custom-san-not-general-names", customs(new CustomExtension("2.5.29.17", DER_TRUE,
                        false)), "customExtensions[0].value: is not a SubjectAltName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void rejects(String name, ApiPassthrough passthrough, String message) {
        assertThatThrownBy(() -> PassthroughValidator.validate(passthrough))
                .isInstanceOf(InvalidArgsException.class)
                .hasMessageContaining(message);
    }

    static Stream<Arguments> addresses() {
        return Stream.of(
                Arguments.of("ok/ipv4", "192.0.2.1", "c0000201"),
                Arguments.of("ok/ipv4-zero", "0.0.0.0", "00000000"),
                Arguments.of("ok/ipv6-compressed", "2001:db8::1", "20010db8000000000000000000000001"),
                Arguments.of("ok/ipv6-full", "2001:db8:0:0:0:0:2:1", "20010db8000000000000000000020001"),
                Arguments.of("ok/ipv6-any", "::", "00000000000000000000000000000000"),
                Arguments.of("ok/ipv6-trailing-gap", "fe80::", "fe800000000000000000000000000000"),
                Arguments.of("ok/ipv6-mapped-ipv4", "::ffff:192.0.2.1", "00000000000000000000ffffc0000201"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addresses")
    void convertsIpAddresses(String name, String address, String hex) {
        GeneralName g = PassthroughValidator.validate(sans(ip(address))).subjectAlternativeNames().getNames()[0];

        assertThat(g.getTagNo()).isEqualTo(GeneralName.iPAddress);
        assertThat(org.bouncycastle.util.encoders.Hex.toHexString(
                ASN1OctetString.getInstance(g.getName()).getOctets())).isEqualTo(hex);
    }

    @Test
    void convertsEveryGeneralNameKind() {
        var v = PassthroughValidator.validate(sans(dns("*.example.com"), dns("xn--bcher-kva.example"),
                registeredId("2.999.1"), registeredId("1.39.7"),
                email("a@example.com"), uri("spiffe://example.org/ns/a"), registeredId("1.3.6.1.4.1.55555.7"),
                otherName("1.3.6.1.4.1.311.20.2.3", "upn@example.com"), edi("assigner", "party"),
                directory(cn("Directory"))));

        GeneralName[] names = v.subjectAlternativeNames().getNames();
        assertThat(names).extracting(GeneralName::getTagNo).containsExactly(GeneralName.dNSName, GeneralName.dNSName,
                GeneralName.registeredID, GeneralName.registeredID, GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier, GeneralName.registeredID,
                GeneralName.otherName, GeneralName.ediPartyName, GeneralName.directoryName);
        assertThat(v.sanSource()).isEqualTo("apiPassthrough.extensions.subjectAlternativeNames");
        ASN1Sequence other = ASN1Sequence.getInstance(names[7].getName());
        assertThat(other.getObjectAt(0).toString()).isEqualTo("1.3.6.1.4.1.311.20.2.3");
        ASN1TaggedObject value = ASN1TaggedObject.getInstance(other.getObjectAt(1));
        assertThat(value.getTagNo()).isZero();
        assertThat(value.isExplicit()).isTrue();
        assertThat(value.getBaseObject()).isInstanceOf(DERUTF8String.class);
        assertThat(value.getBaseObject().toString()).isEqualTo("upn@example.com");
        assertThat(X500Name.getInstance(names[9].getName()).toString()).isEqualTo("CN=Directory");
    }

    @Test
    void subjectAttributesHaveAFixedOrderAndX520Encodings() {
        var subject = new ASN1Subject("us", "Org", "Unit", "qual", "State", "#notHex", "SN-1", "City", "Title",
                "Surname", "Given", "GQ", "Pseudo", "III", null);

        X500Name name = PassthroughValidator.validate(subjectOnly(subject)).subject();

        assertThat(name.getRDNs()).extracting(r -> r.getFirst().getType()).containsExactly(BCStyle.C, BCStyle.ST,
                BCStyle.L, BCStyle.O, BCStyle.OU, BCStyle.DN_QUALIFIER, BCStyle.T, BCStyle.SURNAME, BCStyle.GIVENNAME,
                BCStyle.INITIALS, BCStyle.PSEUDONYM, BCStyle.GENERATION, BCStyle.SERIALNUMBER, BCStyle.CN);
        RDN[] rdns = name.getRDNs();
        assertThat(rdns[0].getFirst().getValue()).isInstanceOf(DERPrintableString.class)
                .hasToString("US");
        assertThat(rdns[5].getFirst().getValue()).isInstanceOf(DERPrintableString.class);
        assertThat(rdns[12].getFirst().getValue()).isInstanceOf(DERPrintableString.class);
        assertThat(rdns[13].getFirst().getValue()).isInstanceOf(DERUTF8String.class).hasToString("#notHex");
        assertThat(rdns[3].getFirst().getValue()).isInstanceOf(DERUTF8String.class);
    }

    @Test
    void customAttributesKeepTheirOrder() {
        X500Name name = PassthroughValidator.validate(subjectOnly(custom(new CustomAttribute("2.5.4.3", "cn"),
                new CustomAttribute("1.3.6.1.4.1.55555.1", "x")))).subject();

        assertThat(name.getRDNs()).extracting(r -> r.getFirst().getType().getId())
                .containsExactly("2.5.4.3", "1.3.6.1.4.1.55555.1");
    }

    @Test
    void emptySubjectObjectMeansNoSubject() {
        assertThat(PassthroughValidator.validate(subjectOnly(subject("none", null))).subject()).isNull();
        assertThat(PassthroughValidator.validate(new ApiPassthrough(null, null)).isEmpty()).isTrue();
        assertThat(PassthroughValidator.validate(null)).isNull();
    }

    @Test
    void keyUsageWithoutBitsGivesNoExtension() {
        var none = PassthroughValidator.validate(keyUsage(new KeyUsage(false, null, false, null, null, null, null,
                null, null)));
        var some = PassthroughValidator.validate(keyUsage(new KeyUsage(true, null, null, null, true, null, null,
                null, null)));

        assertThat(none.extensions()).isEmpty();
        Extension ku = some.extensions().get(0).extension();
        assertThat(ku.isCritical()).isTrue();
        assertThat(org.bouncycastle.asn1.x509.KeyUsage.getInstance(ku.getParsedValue()).hasUsages(
                org.bouncycastle.asn1.x509.KeyUsage.digitalSignature
                        | org.bouncycastle.asn1.x509.KeyUsage.keyAgreement)).isTrue();
        assertThat(some.extensions().get(0).source()).isEqualTo("apiPassthrough.extensions.keyUsage");
    }

    @Test
    void extendedKeyUsageTypesMapToTheirOids() {
        var v = PassthroughValidator.validate(eku(
                new ExtendedKeyUsage(ExtendedKeyUsageType.SERVER_AUTH, null),
                new ExtendedKeyUsage(ExtendedKeyUsageType.SMART_CARD_LOGIN, null),
                new ExtendedKeyUsage(null, "1.3.6.1.4.1.55555.9")));

        Extension e = v.extensions().get(0).extension();
        assertThat(e.isCritical()).isFalse();
        assertThat(org.bouncycastle.asn1.x509.ExtendedKeyUsage.getInstance(e.getParsedValue()).getUsages())
                .extracting(KeyPurposeId::getId)
                .containsExactly("1.3.6.1.5.5.7.3.1", "1.3.6.1.4.1.311.20.2.2", "1.3.6.1.4.1.55555.9");
    }

    @Test
    void certificatePoliciesCarryCpsQualifiers() {
        var v = PassthroughValidator.validate(policies(new PolicyInformation("2.23.140.1.2.1",
                List.of(new PolicyQualifierInfo("CPS", new Qualifier("https://cps.example/cps")))),
                new PolicyInformation("1.3.6.1.4.1.55555.2", null)));

        CertificatePolicies p = CertificatePolicies.getInstance(v.extensions().get(0).extension().getParsedValue());
        assertThat(p.getPolicyInformation()).hasSize(2);
        assertThat(p.getPolicyInformation()[0].getPolicyQualifiers().toString()).contains("https://cps.example/cps");
    }

    @Test
    void customExtensionsDefaultToNonCriticalAndCustomSanIsTheApiSan() {
        String sanDer = Base64.getEncoder().encodeToString(encoded(new org.bouncycastle.asn1.x509.GeneralNames(
                new GeneralName(GeneralName.dNSName, "raw.example"))));
        var v = PassthroughValidator.validate(customs(new CustomExtension("1.3.6.1.4.1.55555.3", DER_TRUE, null),
                new CustomExtension("1.3.6.1.4.1.55555.4", DER_TRUE, true),
                new CustomExtension("2.5.29.17", sanDer, false)));

        assertThat(v.extensions()).extracting(e -> e.extension().isCritical()).containsExactly(false, true);
        assertThat(v.extensions()).extracting(SourcedExtension::source).containsExactly(
                "apiPassthrough.extensions.customExtensions[0]", "apiPassthrough.extensions.customExtensions[1]");
        assertThat(v.subjectAlternativeNames().getNames()[0].getName().toString()).isEqualTo("raw.example");
        assertThat(v.sanSource()).isEqualTo("apiPassthrough.extensions.customExtensions[2]");
    }

    private static byte[] encoded(ASN1Encodable value) {
        try {
            return value.toASN1Primitive().getEncoded("DER");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
