package dev.certgateway.authority.acmpca;

import dev.certgateway.x509.passthrough.ASN1Subject;
import dev.certgateway.x509.passthrough.ApiPassthrough;
import dev.certgateway.x509.passthrough.CustomAttribute;
import dev.certgateway.x509.passthrough.CustomExtension;
import dev.certgateway.x509.passthrough.ExtendedKeyUsage;
import dev.certgateway.x509.passthrough.Extensions;
import dev.certgateway.x509.passthrough.GeneralName;
import dev.certgateway.x509.passthrough.KeyUsage;
import dev.certgateway.x509.passthrough.PolicyInformation;
import dev.certgateway.x509.passthrough.PolicyQualifierInfo;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.acmpca.model.Qualifier;

/**
 * The caller's ApiPassthrough, member for member, in the SDK's model. The gateway's records mirror ACM PCA's
 * shapes, so this is a copy, never an interpretation: what the caller gave is what ACM PCA receives.
 */
final class ApiPassthroughConverter {

    private ApiPassthroughConverter() {
    }

    static software.amazon.awssdk.services.acmpca.model.ApiPassthrough toSdk(ApiPassthrough passthrough) {
        if (passthrough == null) {
            return null;
        }
        return software.amazon.awssdk.services.acmpca.model.ApiPassthrough.builder()
                .extensions(extensions(passthrough.extensions()))
                .subject(subject(passthrough.subject()))
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.Extensions extensions(Extensions extensions) {
        if (extensions == null) {
            return null;
        }
        return software.amazon.awssdk.services.acmpca.model.Extensions.builder()
                .certificatePolicies(list(extensions.certificatePolicies(), ApiPassthroughConverter::policy))
                .extendedKeyUsage(list(extensions.extendedKeyUsage(), ApiPassthroughConverter::extendedKeyUsage))
                .keyUsage(keyUsage(extensions.keyUsage()))
                .subjectAlternativeNames(list(extensions.subjectAlternativeNames(),
                        ApiPassthroughConverter::generalName))
                .customExtensions(list(extensions.customExtensions(), ApiPassthroughConverter::customExtension))
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.PolicyInformation policy(PolicyInformation policy) {
        return software.amazon.awssdk.services.acmpca.model.PolicyInformation.builder()
                .certPolicyId(policy.certPolicyId())
                .policyQualifiers(list(policy.policyQualifiers(), ApiPassthroughConverter::qualifier))
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.PolicyQualifierInfo qualifier(
            PolicyQualifierInfo info) {
        return software.amazon.awssdk.services.acmpca.model.PolicyQualifierInfo.builder()
                .policyQualifierId(info.policyQualifierId())
                .qualifier(info.qualifier() == null ? null
                        : Qualifier.builder().cpsUri(info.qualifier().cpsUri()).build())
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.ExtendedKeyUsage extendedKeyUsage(
            ExtendedKeyUsage usage) {
        return software.amazon.awssdk.services.acmpca.model.ExtendedKeyUsage.builder()
                .extendedKeyUsageType(usage.extendedKeyUsageType() == null ? null
                        : usage.extendedKeyUsageType().name())
                .extendedKeyUsageObjectIdentifier(usage.extendedKeyUsageObjectIdentifier())
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.KeyUsage keyUsage(KeyUsage usage) {
        if (usage == null) {
            return null;
        }
        return software.amazon.awssdk.services.acmpca.model.KeyUsage.builder()
                .digitalSignature(usage.digitalSignature())
                .nonRepudiation(usage.nonRepudiation())
                .keyEncipherment(usage.keyEncipherment())
                .dataEncipherment(usage.dataEncipherment())
                .keyAgreement(usage.keyAgreement())
                .keyCertSign(usage.keyCertSign())
                .crlSign(usage.crlSign())
                .encipherOnly(usage.encipherOnly())
                .decipherOnly(usage.decipherOnly())
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.GeneralName generalName(GeneralName name) {
        return software.amazon.awssdk.services.acmpca.model.GeneralName.builder()
                .otherName(name.otherName() == null ? null
                        : software.amazon.awssdk.services.acmpca.model.OtherName.builder()
                                .typeId(name.otherName().typeId()).value(name.otherName().value()).build())
                .rfc822Name(name.rfc822Name())
                .dnsName(name.dnsName())
                .directoryName(subject(name.directoryName()))
                .ediPartyName(name.ediPartyName() == null ? null
                        : software.amazon.awssdk.services.acmpca.model.EdiPartyName.builder()
                                .partyName(name.ediPartyName().partyName())
                                .nameAssigner(name.ediPartyName().nameAssigner()).build())
                .uniformResourceIdentifier(name.uniformResourceIdentifier())
                .ipAddress(name.ipAddress())
                .registeredId(name.registeredId())
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.CustomExtension customExtension(
            CustomExtension extension) {
        return software.amazon.awssdk.services.acmpca.model.CustomExtension.builder()
                .objectIdentifier(extension.objectIdentifier())
                .value(extension.value())
                .critical(extension.critical())
                .build();
    }

    static software.amazon.awssdk.services.acmpca.model.ASN1Subject subject(ASN1Subject subject) {
        if (subject == null) {
            return null;
        }
        return software.amazon.awssdk.services.acmpca.model.ASN1Subject.builder()
                .country(subject.country())
                .organization(subject.organization())
                .organizationalUnit(subject.organizationalUnit())
                .distinguishedNameQualifier(subject.distinguishedNameQualifier())
                .state(subject.state())
                .commonName(subject.commonName())
                .serialNumber(subject.serialNumber())
                .locality(subject.locality())
                .title(subject.title())
                .surname(subject.surname())
                .givenName(subject.givenName())
                .initials(subject.initials())
                .pseudonym(subject.pseudonym())
                .generationQualifier(subject.generationQualifier())
                .customAttributes(list(subject.customAttributes(), ApiPassthroughConverter::customAttribute))
                .build();
    }

    private static software.amazon.awssdk.services.acmpca.model.CustomAttribute customAttribute(
            CustomAttribute attribute) {
        return software.amazon.awssdk.services.acmpca.model.CustomAttribute.builder()
                .objectIdentifier(attribute.objectIdentifier())
                .value(attribute.value())
                .build();
    }

    /** Absent stays absent (null), so the SDK omits the member instead of sending an empty list. */
    private static <T, R> List<R> list(List<T> values, Function<T, R> convert) {
        return values == null ? null : values.stream().map(convert).toList();
    }
}
