package dev.certgateway.x509;

import org.bouncycastle.asn1.x509.Extension;

/** An extension and where it came from (a JSON path, or a phrase such as "the CSR's extension request"). */
record SourcedExtension(String source, Extension extension) {
}
