package dev.certgateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package boundaries of docs/architecture.md, enforced so the picture cannot rot. */
@AnalyzeClasses(packages = "dev.certgateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule x509IsPurePkiLogic = noClasses().that().resideInAPackage("dev.certgateway.x509..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..",
                    "software.amazon..", "java.sql..", "dev.certgateway.authority..", "dev.certgateway.inventory..",
                    "dev.certgateway.issuance..", "dev.certgateway.security..", "dev.certgateway.web..");

    @ArchTest
    static final ArchRule errorsDependOnNothingOfOurs = noClasses().that().resideInAPackage("dev.certgateway.error..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.x509..", "dev.certgateway.authority..",
                    "dev.certgateway.inventory..", "dev.certgateway.issuance..", "dev.certgateway.security..",
                    "dev.certgateway.web..");

    @ArchTest
    static final ArchRule authoritiesKnowNoPolicyOrWeb = noClasses().that()
            .resideInAPackage("dev.certgateway.authority..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.certgateway.policy..", "dev.certgateway.issuance..", "dev.certgateway.web..",
                    "dev.certgateway.inventory..", "dev.certgateway.security..");

    @ArchTest
    static final ArchRule policyDecidesWithoutSigningOrStorage = noClasses().that()
            .resideInAPackage("dev.certgateway.policy..").should().dependOnClassesThat()
            .resideInAnyPackage("software.amazon..", "dev.certgateway.authority..", "dev.certgateway.issuance..",
                    "dev.certgateway.inventory..", "dev.certgateway.idempotency..", "java.sql..");

    @ArchTest
    static final ArchRule idempotencyKnowsNoAuthority = noClasses().that()
            .resideInAPackage("dev.certgateway.idempotency..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.certgateway.authority..", "dev.certgateway.issuance..",
                    "dev.certgateway.inventory..", "dev.certgateway.web..");

    @ArchTest
    static final ArchRule auditIsATrailNotAFeature = noClasses().that().resideInAPackage("dev.certgateway.audit..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.issuance..",
                    "dev.certgateway.authority..", "dev.certgateway.inventory..", "dev.certgateway.policy..",
                    "dev.certgateway.idempotency..", "dev.certgateway.x509..");

    @ArchTest
    static final ArchRule pagingIsAShapeOnly = noClasses().that().resideInAPackage("dev.certgateway.paging..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.audit..", "dev.certgateway.inventory..",
                    "dev.certgateway.issuance..", "dev.certgateway.web..", "org.springframework..");

    @ArchTest
    static final ArchRule sqlIsAShapeOnly = noClasses().that().resideInAPackage("dev.certgateway.sql..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.audit..", "dev.certgateway.inventory..",
                    "dev.certgateway.idempotency..", "dev.certgateway.issuance..", "dev.certgateway.web..",
                    "org.springframework.jdbc.core.simple..");

    @ArchTest
    static final ArchRule inventoryKnowsNoBackend = noClasses().that().resideInAPackage("dev.certgateway.inventory..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.authority..",
                    "dev.certgateway.issuance..", "dev.certgateway.web..");

    @ArchTest
    static final ArchRule issuanceUsesNoBackendInternals = noClasses().that()
            .resideInAPackage("dev.certgateway.issuance..").should().dependOnClassesThat()
            .resideInAnyPackage("dev.certgateway.authority.local..", "dev.certgateway.authority.acmpca..");

    @ArchTest
    static final ArchRule securityKnowsNoFeatures = noClasses().that().resideInAPackage("dev.certgateway.security..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.issuance..",
                    "dev.certgateway.inventory..", "dev.certgateway.authority..", "dev.certgateway.x509..");

    @ArchTest
    static final ArchRule webIsCrossCutting = noClasses().that().resideInAPackage("dev.certgateway.web..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.certgateway.issuance..",
                    "dev.certgateway.inventory..", "dev.certgateway.authority..", "dev.certgateway.x509..",
                    "dev.certgateway.security..");
}
