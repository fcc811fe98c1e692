package dev.certgateway.issuance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code certgw.issuance.group-commit.*}.
 *
 * @param maxRecords the most issuance records one database transaction writes; records that arrive while the
 *     previous transaction commits go together in the next one. {@code 1} writes every record in its own
 *     transaction
 */
@ConfigurationProperties("certgw.issuance.group-commit")
@Validated
public record GroupCommitProperties(@DefaultValue("64") @Min(1) @Max(1000) int maxRecords) {
}
