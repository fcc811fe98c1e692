package dev.certgateway.policy;

import static dev.certgateway.policy.Inputs.NOW;
import static dev.certgateway.policy.Inputs.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.certgateway.x509.KeyFamily;
import dev.certgateway.x509.SigningAlgorithm;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every rule, one table: the baseline section, the request, and the rules it must violate (none for ok/...). */
class RuleTests {

    private static final ASN1ObjectIdentifier PRIVATE = new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1");

    static Stream<Arguments> cases() {
        return Stream.of(
                // authorities
                arguments("ok/authorities/listed alias", "{authorities: [test-ec, test-rsa]}", request(), List.of()),
                arguments("ok/authorities/listed ARN",
                        "{authorities: ['arn:aws:acm-pca:local:000000000000:certificate-authority/test-ec']}",
                        request(), List.of()),
                arguments("fail/authorities/not listed", "{authorities: [test-rsa]}", request(),
                        List.of("authorities")),
                arguments("fail/authorities/empty list", "{authorities: []}", request(), List.of("authorities")),

                // templates
                arguments("ok/templates/end-entity by default", "{}", request()
                        .template("EndEntityServerAuthCertificate_APIPassthrough"), List.of()),
                arguments("fail/templates/CA template not listed", "{}",
                        request().template("SubordinateCACertificate_PathLen0"), List.of("templates")),
                arguments("fail/templates/CA template in the baseline alone is not inherited",
                        "{templates: [SubordinateCACertificate_PathLen0/V1]}",
                        request().template("SubordinateCACertificate_PathLen0"), List.of("templates")),
                arguments("ok/templates/prefix", "{templates: ['EndEntityClient*']}",
                        request().template("EndEntityClientAuthCertificate_CSRPassthrough"), List.of()),
                arguments("fail/templates/not in list", "{templates: [EndEntityClientAuthCertificate]}",
                        request(), List.of("templates")),

                // signing algorithms
                arguments("ok/signingAlgorithms/listed", "{signingAlgorithms: [SHA256WITHECDSA]}", request(),
                        List.of()),
                arguments("fail/signingAlgorithms/not listed", "{signingAlgorithms: [SHA384WITHECDSA]}",
                        request().algorithm(SigningAlgorithm.SHA256WITHECDSA), List.of("signingAlgorithms")),

                // DNS
                arguments("ok/dns/exact", "{dns: {allow: [api.example.com]}}", request().dns("API.example.com."),
                        List.of()),
                arguments("ok/dns/one label", "{dns: {allow: ['*.example.com']}}", request().dns("api.example.com"),
                        List.of()),
                arguments("fail/dns/one label is exactly one", "{dns: {allow: ['*.example.com']}}",
                        request().dns("a.b.example.com", "example.com"), List.of("dns.allow", "dns.allow")),
                arguments("ok/dns/any depth", "{dns: {allow: [.example.com]}}", request().dns("a.b.c.example.com"),
                        List.of()),
                arguments("fail/dns/any depth excludes the domain itself", "{dns: {allow: [.example.com]}}",
                        request().dns("example.com"), List.of("dns.allow")),
                arguments("fail/dns/suffix is not a subdomain", "{dns: {allow: [.example.com]}}",
                        request().dns("badexample.com"), List.of("dns.allow")),
                arguments("fail/dns/deny wins over allow", "{dns: {allow: [.example.com], deny: [db.example.com]}}",
                        request().dns("api.example.com", "db.example.com"), List.of("dns.deny")),
                arguments("fail/dns/deny without allow", "{dns: {deny: [.internal]}}", request().dns("x.internal"),
                        List.of("dns.deny")),
                arguments("ok/dns/wildcard covered by any depth", "{dns: {allow: [.example.com]}}",
                        request().dns("*.api.example.com"), List.of()),
                arguments("ok/dns/wildcard covered by one label", "{dns: {allow: ['*.example.com']}}",
                        request().dns("*.example.com"), List.of()),
                arguments("fail/dns/wildcard wider than allow", "{dns: {allow: [api.example.com]}}",
                        request().dns("*.example.com"), List.of("dns.allow")),
                arguments("fail/dns/wildcard reaching a denied name",
                        "{dns: {allow: [.example.com], deny: [admin.example.com]}}", request().dns("*.example.com"),
                        List.of("dns.deny")),
                arguments("fail/dns/wildcards off", "{dns: {wildcards: false}}", request().dns("*.example.com"),
                        List.of("dns.wildcards")),

                // IP
                arguments("ok/ip/v4 in CIDR", "{ip: {allow: [10.0.0.0/8]}}", request().ip("10.1.2.3"), List.of()),
                arguments("fail/ip/v4 outside", "{ip: {allow: [10.0.0.0/8]}}", request().ip("192.168.1.1"),
                        List.of("ip.allow")),
                arguments("ok/ip/v6 in CIDR", "{ip: {allow: ['fd00::/8']}}", request().ip("fd12::1"), List.of()),
                arguments("fail/ip/v6 does not match a v4 block", "{ip: {allow: [0.0.0.0/0]}}",
                        request().ip("::1"), List.of("ip.allow")),
                arguments("fail/ip/deny wins", "{ip: {allow: [10.0.0.0/8], deny: [10.0.0.0/24]}}",
                        request().ip("10.0.0.5", "10.9.0.5"), List.of("ip.deny")),
                arguments("ok/ip/single address", "{ip: {allow: [10.1.2.3]}}", request().ip("10.1.2.3"), List.of()),

                // email
                arguments("ok/email/domain", "{email: {allow: [example.com]}}", request().email("a@example.com"),
                        List.of()),
                arguments("fail/email/subdomain is not the domain", "{email: {allow: [example.com]}}",
                        request().email("a@mail.example.com"), List.of("email.allow")),
                arguments("ok/email/subdomains", "{email: {allow: [.example.com]}}",
                        request().email("a@mail.example.com"), List.of()),
                arguments("fail/email/denied domain", "{email: {deny: [evil.example]}}",
                        request().email("a@evil.example"), List.of("email.deny")),

                // URI
                arguments("ok/uri/one segment", "{uri: {allow: ['spiffe://example.org/ns/payments/sa/*']}}",
                        request().uri("spiffe://example.org/ns/payments/sa/api"), List.of()),
                arguments("fail/uri/star is one segment", "{uri: {allow: ['spiffe://example.org/ns/payments/*']}}",
                        request().uri("spiffe://example.org/ns/payments/sa/api"), List.of("uri.allow")),
                arguments("ok/uri/double star is any depth", "{uri: {allow: ['spiffe://example.org/ns/payments/**']}}",
                        request().uri("spiffe://example.org/ns/payments/sa/api"), List.of()),
                arguments("fail/uri/other namespace", "{uri: {allow: ['spiffe://example.org/ns/payments/**']}}",
                        request().uri("spiffe://example.org/ns/billing/sa/api"), List.of("uri.allow")),
                arguments("fail/uri/denied", "{uri: {deny: ['spiffe://example.org/ns/kube-system/**']}}",
                        request().uri("spiffe://example.org/ns/kube-system/sa/x"), List.of("uri.deny")),

                // other GeneralName kinds
                arguments("fail/otherNameKinds/denied by default", "{}",
                        request().san(new GeneralName(new X500Name("CN=dir"))).san(new GeneralName(
                                GeneralName.registeredID, "1.2.3.4")), List.of("otherNameKinds", "otherNameKinds")),
                arguments("ok/otherNameKinds/listed", "{otherNameKinds: [directoryName]}",
                        request().san(new GeneralName(new X500Name("CN=dir"))), List.of()),

                // maximum SANs
                arguments("ok/maximumSans/at the limit", "{maximumSans: 2}", request().dns("a.example", "b.example"),
                        List.of()),
                arguments("fail/maximumSans/over", "{maximumSans: 2}",
                        request().dns("a.example", "b.example").ip("10.0.0.1"), List.of("maximumSans")),

                // subject
                arguments("ok/subject/required present", "{subject: {required: [CN, O]}}",
                        request().subject("CN=a,O=Example Corp"), List.of()),
                arguments("fail/subject/required missing", "{subject: {required: [CN, O]}}",
                        request().subject("CN=a"), List.of("subject.required")),
                arguments("ok/subject/fixed value and any", "{subject: {allowed: {O: Example Corp, CN: {}}}}",
                        request().subject("CN=a,O=Example Corp"), List.of()),
                arguments("fail/subject/wrong fixed value", "{subject: {allowed: {O: Example Corp, CN: {}}}}",
                        request().subject("CN=a,O=Evil Corp"), List.of("subject.allowed.O")),
                arguments("fail/subject/attribute not allowed", "{subject: {allowed: {CN: {}}}}",
                        request().subject("CN=a,OU=x"), List.of("subject.allowed")),
                arguments("ok/subject/pattern", "{subject: {allowed: {OU: {pattern: 'payments-[a-z]+'}, CN: {}}}}",
                        request().subject("CN=a,OU=payments-api"), List.of()),
                arguments("fail/subject/pattern is anchored",
                        "{subject: {allowed: {OU: {pattern: 'payments-[a-z]+'}, CN: {}}}}",
                        request().subject("CN=a,OU=payments-api-2"), List.of("subject.allowed.OU")),
                arguments("ok/subject/one of values", "{subject: {allowed: {C: [DE, FR], CN: {}}}}",
                        request().subject("CN=a,C=FR"), List.of()),
                arguments("ok/subject/CN is a SAN", "{subject: {commonNameMustBeSan: true}}",
                        request().subject("CN=api.example.com").dns("API.example.com"), List.of()),
                arguments("fail/subject/CN is not a SAN", "{subject: {commonNameMustBeSan: true}}",
                        request().subject("CN=api.example.com").dns("web.example.com"),
                        List.of("subject.commonNameMustBeSan")),

                // keys
                arguments("ok/keys/type", "{keys: {types: [EC]}}", request(), List.of()),
                arguments("fail/keys/type", "{keys: {types: [RSA]}}", request(), List.of("keys.types")),
                arguments("fail/keys/small RSA", "{keys: {minimumRsaBits: 3072}}",
                        request().key(KeyFamily.RSA, 2048, null), List.of("keys.minimumRsaBits")),
                arguments("ok/keys/large RSA", "{keys: {minimumRsaBits: 3072}}",
                        request().key(KeyFamily.RSA, 4096, null), List.of()),
                arguments("fail/keys/curve", "{keys: {curves: [P-384]}}", request(), List.of("keys.curves")),
                arguments("ok/keys/curve rule ignores RSA", "{keys: {curves: [P-384]}}",
                        request().key(KeyFamily.RSA, 2048, null), List.of()),

                // validity
                arguments("ok/validity/397 days from issuance despite the hour of backdating",
                        "{validity: {maximum: 397d}}", request().validity(NOW.minus(Duration.ofHours(1)),
                                NOW.plus(Duration.ofDays(397))), List.of()),
                arguments("fail/validity/too long", "{validity: {maximum: 397d}}",
                        request().validity(NOW, NOW.plus(Duration.ofDays(398))), List.of("validity.maximum")),
                arguments("ok/validity/future NotBefore counts from NotBefore", "{validity: {maximum: 30d}}",
                        request().validity(NOW.plus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(40))), List.of()),
                arguments("fail/validity/backdated too far", "{validity: {maximumBackdate: 1h}}",
                        request().validity(NOW.minus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(1))),
                        List.of("validity.maximumBackdate")),
                arguments("ok/validity/backdated an hour", "{validity: {maximumBackdate: 1h}}", request(), List.of()),

                // key usages and purposes (Blank templates only)
                arguments("ok/keyUsages/allowed on Blank", "{keyUsages: [digitalSignature]}",
                        request().template("BlankEndEntityCertificate_APIPassthrough").extension(Extension.keyUsage,
                                true, new KeyUsage(KeyUsage.digitalSignature)), List.of()),
                arguments("fail/keyUsages/not allowed on Blank", "{keyUsages: [digitalSignature]}",
                        request().template("BlankEndEntityCertificate_APIPassthrough").extension(Extension.keyUsage,
                                true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign)),
                        List.of("keyUsages")),
                arguments("ok/keyUsages/fixed by a non-Blank template", "{keyUsages: [digitalSignature]}",
                        request().extension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment)), List.of()),
                arguments("fail/extendedKeyUsages/not allowed on Blank", "{extendedKeyUsages: [clientAuth]}",
                        request().template("BlankEndEntityCertificate_APIPassthrough").extension(
                                Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                                        KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_codeSigning})),
                        List.of("extendedKeyUsages")),
                arguments("ok/extendedKeyUsages/by OID", "{extendedKeyUsages: ['1.3.6.1.5.5.7.3.2']}",
                        request().template("BlankEndEntityCertificate_APIPassthrough").extension(
                                Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)),
                        List.of()),

                // custom extensions and certificate policies
                arguments("fail/customExtensions/not listed", "{customExtensions: []}",
                        request().extension(PRIVATE, false, new DERUTF8String("x")), List.of("customExtensions")),
                arguments("ok/customExtensions/listed", "{customExtensions: ['1.3.6.1.4.1.55555.1']}",
                        request().extension(PRIVATE, false, new DERUTF8String("x")), List.of()),
                arguments("ok/customExtensions/standard extensions are not custom", "{customExtensions: []}",
                        request().dns("a.example").extension(Extension.keyUsage, true,
                                new KeyUsage(KeyUsage.digitalSignature)), List.of()),
                arguments("fail/certificatePolicies/not listed", "{certificatePolicies: ['1.3.6.1.4.1.55555.2.1']}",
                        request().extension(Extension.certificatePolicies, false, new CertificatePolicies(
                                new PolicyInformation(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.2.9")))),
                        List.of("certificatePolicies")),
                arguments("ok/certificatePolicies/listed", "{certificatePolicies: ['1.3.6.1.4.1.55555.2.1']}",
                        request().extension(Extension.certificatePolicies, false, new CertificatePolicies(
                                new PolicyInformation(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.2.1")))),
                        List.of()),

                // API passthrough
                arguments("ok/apiPassthrough/allowed", "{apiPassthrough: true}", request().passthrough(), List.of()),
                arguments("fail/apiPassthrough/not allowed", "{apiPassthrough: false}", request().passthrough(),
                        List.of("apiPassthrough")),
                arguments("ok/apiPassthrough/not used", "{apiPassthrough: false}", request(), List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rule(String name, String baseline, Inputs input, List<String> expected) {
        List<Violation> violations = Inputs.evaluate("baseline: " + baseline, "payments", input);
        assertThat(Inputs.rules(violations)).as(violations.toString()).containsExactlyElementsOf(expected);
        assertThat(name).startsWith(expected.isEmpty() ? "ok/" : "fail/");
    }

    @Test
    void everyViolationIsReportedAndSaysWhatIsAllowed() {
        List<Violation> violations = Inputs.evaluate("""
                baseline:
                  authorities: [test-rsa]
                  dns: {allow: [.payments.example.com]}
                  ip: {allow: [10.0.0.0/8]}
                  validity: {maximum: 30d}
                """, "payments", request().dns("api.payments.example.com", "db.example.org").ip("192.0.2.1")
                .validity(NOW, NOW.plus(Duration.ofDays(90))));

        assertThat(Inputs.rules(violations)).containsExactly("authorities", "dns.allow", "ip.allow",
                "validity.maximum");
        Violation dns = violations.get(1);
        assertThat(dns.field()).isEqualTo("subjectAlternativeNames[1]");
        assertThat(dns.value()).isEqualTo("DNS:db.example.org");
        assertThat(dns.message()).isEqualTo("The policy allows only DNS names matching .payments.example.com");
        assertThat(violations.get(2).message()).contains("10.0.0.0/8");
        assertThat(violations.get(0).message()).contains("test-rsa");
        assertThat(violations.get(3).message()).isEqualTo("The policy allows certificates valid for at most 30d from"
                + " issuance; the latest NotAfter allowed now is 2026-07-01T12:00:00Z");
    }
}
