package dev.certgateway.issuance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** Renders SANs as the short "TYPE:value" strings kept in the inventory and shown to callers. */
final class SubjectAlternativeNames {

    private SubjectAlternativeNames() {
    }

    static List<String> describe(GeneralNames names) {
        List<String> out = new ArrayList<>();
        if (names == null) {
            return out;
        }
        for (GeneralName name : names.getNames()) {
            out.add(describe(name));
        }
        return out;
    }

    private static String describe(GeneralName name) {
        return switch (name.getTagNo()) {
            case GeneralName.dNSName -> "DNS:" + ((ASN1String) name.getName()).getString();
            case GeneralName.rfc822Name -> "email:" + ((ASN1String) name.getName()).getString();
            case GeneralName.uniformResourceIdentifier -> "URI:" + ((ASN1String) name.getName()).getString();
            case GeneralName.iPAddress -> "IP:" + ip(ASN1OctetString.getInstance(name.getName()).getOctets());
            case GeneralName.registeredID -> "RID:" + ASN1ObjectIdentifier.getInstance(name.getName()).getId();
            case GeneralName.directoryName -> "DirName:" + X500Name.getInstance(name.getName());
            case GeneralName.otherName -> "othername:" + name.getName();
            case GeneralName.ediPartyName -> "EdiPartyName:" + name.getName();
            default -> "tag" + name.getTagNo() + ":" + name.getName();
        };
    }

    private static String ip(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            return "invalid";
        }
    }
}
