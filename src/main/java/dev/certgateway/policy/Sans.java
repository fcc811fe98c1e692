package dev.certgateway.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The effective certificate's SANs with their index, as the rules see them. */
final class Sans {

    /** The policy names of the GeneralName kinds that are not DNS, IP, email or URI. */
    static final Map<Integer, String> OTHER_KINDS = Map.of(
            GeneralName.otherName, "otherName",
            GeneralName.x400Address, "x400Address",
            GeneralName.directoryName, "directoryName",
            GeneralName.ediPartyName, "ediPartyName",
            GeneralName.registeredID, "registeredId");

    record San(int index, GeneralName name) {

        String field() {
            return "subjectAlternativeNames[" + index + "]";
        }

        int tag() {
            return name.getTagNo();
        }

        /** The value as text: the name, address or URI; for other kinds, BouncyCastle's rendering. */
        String text() {
            return switch (name.getTagNo()) {
                case GeneralName.dNSName, GeneralName.rfc822Name, GeneralName.uniformResourceIdentifier ->
                        ((ASN1String) name.getName()).getString();
                case GeneralName.iPAddress -> ip(ASN1OctetString.getInstance(name.getName()).getOctets());
                default -> String.valueOf(name.getName());
            };
        }

        byte[] ipOctets() {
            return ASN1OctetString.getInstance(name.getName()).getOctets();
        }

        /** As shown to callers elsewhere, e.g. {@code DNS:api.example.com}. */
        String describe() {
            return switch (name.getTagNo()) {
                case GeneralName.dNSName -> "DNS:" + text();
                case GeneralName.rfc822Name -> "email:" + text();
                case GeneralName.uniformResourceIdentifier -> "URI:" + text();
                case GeneralName.iPAddress -> "IP:" + text();
                default -> OTHER_KINDS.getOrDefault(name.getTagNo(), "tag" + name.getTagNo()) + ":" + text();
            };
        }
    }

    private Sans() {
    }

    static List<San> of(PolicyInput input) {
        GeneralNames names = input.certificate().subjectAlternativeNames();
        List<San> out = new ArrayList<>();
        if (names != null) {
            GeneralName[] all = names.getNames();
            for (int i = 0; i < all.length; i++) {
                out.add(new San(i, all[i]));
            }
        }
        return out;
    }

    static List<San> of(PolicyInput input, int tag) {
        return of(input).stream().filter(s -> s.tag() == tag).toList();
    }

    private static String ip(byte[] octets) {
        try {
            return InetAddress.getByAddress(octets).getHostAddress();
        } catch (UnknownHostException e) {
            return "invalid";
        }
    }
}
