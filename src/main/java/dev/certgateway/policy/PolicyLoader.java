package dev.certgateway.policy;

import dev.certgateway.x509.CertificateTemplate;
import dev.certgateway.x509.KeyFamily;
import dev.certgateway.x509.SigningAlgorithm;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads the policy file. It works on SnakeYAML's node tree rather than on maps, so that every error can name the
 * line, the rule's path (e.g. {@code teams.payments.dns.allow[2]}) and what is accepted. Unknown keys are errors:
 * a misspelt rule would otherwise be ignored and the team get more than the organisation meant.
 */
final class PolicyLoader {

    private static final List<String> SECTION_KEYS = List.of("authorities", "templates", "signingAlgorithms", "dns",
            "ip", "email", "uri", "otherNameKinds", "maximumSans", "subject", "keys", "validity", "keyUsages",
            "extendedKeyUsages", "customExtensions", "certificatePolicies", "apiPassthrough");
    private static final Set<String> CURVES = Set.of("P-256", "P-384", "P-521");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    private static final String TEMPLATE_ARN = "arn:aws:acm-pca:::template/";

    private final String file;

    private PolicyLoader(String file) {
        this.file = file;
    }

    /**
     * @param file    the file name used in messages, e.g. {@code policy.yaml}
     * @param source  where the content came from, for logs
     * @throws PolicyFileException naming the line and the rule
     */
    static Policy load(String file, String source, String content) {
        return new PolicyLoader(file).parse(source, content);
    }

    static String version(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Policy parse(String source, String content) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(content));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 1;
            throw new PolicyFileException(file + " line " + line + ": not valid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw new PolicyFileException(file + ": not valid YAML: " + e.getMessage(), e);
        }
        if (root == null || isNull(root)) {
            // A file truncated by a careless write would otherwise become the permissive default policy.
            throw new PolicyFileException(file + " line 1: the policy file is empty; write 'baseline: {}' for the"
                    + " default policy");
        }
        RuleSet baseline = RuleSet.EMPTY;
        Map<String, RuleSet> teams = new LinkedHashMap<>();
        Map<String, Node> top = mapping(root, "(top level)", List.of("baseline", "teams"));
        if (top.containsKey("baseline")) {
            baseline = section(top.get("baseline"), "baseline");
        }
        if (top.containsKey("teams")) {
            Node teamsNode = top.get("teams");
            for (Map.Entry<String, Node> team : mapping(teamsNode, "teams", null).entrySet()) {
                if (team.getKey().isBlank()) {
                    throw fail(team.getValue(), "teams", "a team name must not be empty");
                }
                teams.put(team.getKey(), section(team.getValue(), "teams." + team.getKey()));
            }
        }
        return new Policy(version(content), source, baseline, teams);
    }

    private RuleSet section(Node node, String path) {
        if (isNull(node)) {
            return RuleSet.EMPTY;
        }
        Map<String, Node> m = mapping(node, path, SECTION_KEYS);
        return new RuleSet(
                stringSet(m, "authorities", path),
                templates(m.get("templates"), path + ".templates"),
                enumSet(m, "signingAlgorithms", path, SigningAlgorithm.class),
                dns(m.get("dns"), path + ".dns"),
                ip(m.get("ip"), path + ".ip"),
                email(m.get("email"), path + ".email"),
                uri(m.get("uri"), path + ".uri"),
                list(m.get("otherNameKinds"), path + ".otherNameKinds", Set.copyOf(Sans.OTHER_KINDS.values()),
                        "a GeneralName kind"),
                integer(m.get("maximumSans"), path + ".maximumSans", 0),
                subject(m.get("subject"), path + ".subject"),
                keys(m.get("keys"), path + ".keys"),
                validity(m.get("validity"), path + ".validity"),
                list(m.get("keyUsages"), path + ".keyUsages", ExtensionRules.KEY_USAGES.keySet(), "a key usage"),
                purposes(m.get("extendedKeyUsages"), path + ".extendedKeyUsages"),
                oids(m.get("customExtensions"), path + ".customExtensions"),
                oids(m.get("certificatePolicies"), path + ".certificatePolicies"),
                bool(m.get("apiPassthrough"), path + ".apiPassthrough"));
    }

    private Set<String> templates(Node node, String path) {
        List<ScalarNode> entries = scalars(node, path);
        if (entries == null) {
            return null;
        }
        List<String> names = CertificateTemplate.all().stream().map(CertificateTemplate::name).toList();
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).getValue().strip();
            String name = entry.startsWith(TEMPLATE_ARN) ? entry.substring(TEMPLATE_ARN.length()) : entry;
            name = name.endsWith("/V1") ? name.substring(0, name.length() - 3) : name;
            List<String> matched;
            if (name.endsWith("*")) {
                String prefix = name.substring(0, name.length() - 1);
                matched = names.stream().filter(n -> n.startsWith(prefix)).toList();
            } else {
                matched = names.contains(name) ? List.of(name) : List.of();
            }
            if (matched.isEmpty()) {
                throw fail(entries.get(i), path + "[" + i + "]", "'" + entry + "' is not an ACM PCA template; use a"
                        + " template name such as 'EndEntityCertificate_APIPassthrough' (an ARN or a trailing '/V1'"
                        + " is fine too), or a prefix ending in '*' such as 'EndEntity*'");
            }
            out.addAll(matched);
        }
        return out;
    }

    private DnsRule dns(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("allow", "deny", "wildcards"));
        return new DnsRule(new NameRule<>("dns", patterns(m.get("allow"), path + ".allow", DnsPattern::parse,
                "a valid pattern; " + DnsPattern.ACCEPTED), patterns(m.get("deny"), path + ".deny",
                DnsPattern::parse, "a valid pattern; " + DnsPattern.ACCEPTED)),
                bool(m.get("wildcards"), path + ".wildcards"));
    }

    private IpRule ip(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("allow", "deny"));
        return new IpRule(new NameRule<>("ip", patterns(m.get("allow"), path + ".allow", IpRange::parse,
                "a valid CIDR block; " + IpRange.ACCEPTED), patterns(m.get("deny"), path + ".deny", IpRange::parse,
                "a valid CIDR block; " + IpRange.ACCEPTED)));
    }

    private EmailRule email(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("allow", "deny"));
        String accepted = "a valid domain pattern; use 'domain', '*.domain' or '.domain' (the part after '@')";
        return new EmailRule(new NameRule<>("email", patterns(m.get("allow"), path + ".allow", DnsPattern::parse,
                accepted), patterns(m.get("deny"), path + ".deny", DnsPattern::parse, accepted)));
    }

    private UriRule uri(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("allow", "deny"));
        return new UriRule(new NameRule<>("uri", patterns(m.get("allow"), path + ".allow", UriPattern::parse,
                "a valid pattern; " + UriPattern.ACCEPTED), patterns(m.get("deny"), path + ".deny",
                UriPattern::parse, "a valid pattern; " + UriPattern.ACCEPTED)));
    }

    private SubjectRule subject(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("required", "allowed", "commonNameMustBeSan"));
        Set<ASN1ObjectIdentifier> required = null;
        List<ScalarNode> names = scalars(m.get("required"), path + ".required");
        if (names != null) {
            required = new LinkedHashSet<>();
            for (int i = 0; i < names.size(); i++) {
                required.add(attribute(names.get(i), names.get(i).getValue(), path + ".required[" + i + "]"));
            }
        }
        Map<ASN1ObjectIdentifier, SubjectRule.Values> allowed = null;
        Node allowedNode = m.get("allowed");
        if (allowedNode != null) {
            allowed = new LinkedHashMap<>();
            for (NodeTuple tuple : mappingNode(allowedNode, path + ".allowed").getValue()) {
                String name = keyOf(tuple, path + ".allowed");
                String at = path + ".allowed." + name;
                allowed.put(attribute(tuple.getKeyNode(), name, at), values(tuple.getValueNode(), at));
            }
        }
        return new SubjectRule(required, allowed, bool(m.get("commonNameMustBeSan"), path + ".commonNameMustBeSan"));
    }

    /** {@code O: Example Corp} (fixed), {@code C: [DE, FR]} (one of), {@code OU: {pattern: ...}}, {@code CN: {}}. */
    private SubjectRule.Values values(Node node, String path) {
        if (isNull(node)) {
            return new SubjectRule.Values(null, List.of());
        }
        if (node instanceof ScalarNode scalar) {
            return new SubjectRule.Values(Set.of(scalar.getValue()), List.of());
        }
        if (node instanceof SequenceNode) {
            List<ScalarNode> items = scalars(node, path);
            return new SubjectRule.Values(items.stream().map(ScalarNode::getValue)
                    .collect(Collectors.toCollection(LinkedHashSet::new)), List.of());
        }
        Map<String, Node> m = mapping(node, path, List.of("pattern"));
        if (!m.containsKey("pattern")) {
            return new SubjectRule.Values(null, List.of());
        }
        String regex = scalar(m.get("pattern"), path + ".pattern").getValue();
        try {
            return new SubjectRule.Values(null, List.of(Pattern.compile(regex)));
        } catch (PatternSyntaxException e) {
            throw fail(m.get("pattern"), path + ".pattern", "'" + regex + "' is not a valid regular expression: "
                    + e.getDescription() + "; patterns must match the whole value, e.g. 'payments-[a-z]+'");
        }
    }

    private ASN1ObjectIdentifier attribute(Node node, String name, String path) {
        try {
            return BCStyle.INSTANCE.attrNameToOID(name.strip());
        } catch (IllegalArgumentException e) {
            throw fail(node, path, "'" + name + "' is not a subject attribute; use a name such as CN, O, OU, C, ST,"
                    + " L, SERIALNUMBER, E or DC, or a dotted OID");
        }
    }

    private KeyRule keys(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("types", "minimumRsaBits", "curves"));
        return new KeyRule(enumSet(m, "types", path, KeyFamily.class),
                integer(m.get("minimumRsaBits"), path + ".minimumRsaBits", 1),
                list(m.get("curves"), path + ".curves", CURVES, "a curve"));
    }

    private ValidityRule validity(Node node, String path) {
        if (node == null) {
            return null;
        }
        Map<String, Node> m = mapping(node, path, List.of("maximum", "maximumBackdate"));
        return new ValidityRule(duration(m.get("maximum"), path + ".maximum"),
                duration(m.get("maximumBackdate"), path + ".maximumBackdate"));
    }

    private java.time.Duration duration(Node node, String path) {
        if (node == null) {
            return null;
        }
        ScalarNode s = scalar(node, path);
        return Durations.parse(s.getValue()).orElseThrow(() -> fail(s, path, "'" + s.getValue()
                + "' is not a duration; " + Durations.ACCEPTED));
    }

    private Set<ASN1ObjectIdentifier> purposes(Node node, String path) {
        List<ScalarNode> entries = scalars(node, path);
        if (entries == null) {
            return null;
        }
        Set<ASN1ObjectIdentifier> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = entries.get(i).getValue().strip();
            ASN1ObjectIdentifier named = ExtensionRules.PURPOSES.get(value);
            if (named != null) {
                out.add(named);
            } else if (OID.matcher(value).matches()) {
                out.add(new ASN1ObjectIdentifier(value));
            } else {
                throw fail(entries.get(i), path + "[" + i + "]", "'" + value + "' is not an extended key usage;"
                        + " use one of " + ExtensionRules.PURPOSES.keySet().stream().sorted()
                        .collect(Collectors.joining(", ")) + ", or a dotted OID");
            }
        }
        return out;
    }

    private Set<ASN1ObjectIdentifier> oids(Node node, String path) {
        List<ScalarNode> entries = scalars(node, path);
        if (entries == null) {
            return null;
        }
        Set<ASN1ObjectIdentifier> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = entries.get(i).getValue().strip();
            if (!OID.matcher(value).matches()) {
                throw fail(entries.get(i), path + "[" + i + "]", "'" + value + "' is not an object identifier;"
                        + " use dotted decimal such as 1.3.6.1.4.1.55555.1");
            }
            out.add(new ASN1ObjectIdentifier(value));
        }
        return out;
    }

    // --- generic readers -------------------------------------------------------------------------------------

    private <P> List<P> patterns(Node node, String path, Function<String, Optional<P>> parser, String accepted) {
        List<ScalarNode> entries = scalars(node, path);
        if (entries == null) {
            return null;
        }
        List<P> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = entries.get(i).getValue();
            int index = i;
            out.add(parser.apply(value).orElseThrow(() -> fail(entries.get(index), path + "[" + index + "]",
                    "'" + value + "' is not " + accepted)));
        }
        return out;
    }

    private Set<String> list(Node node, String path, Set<String> accepted, String what) {
        List<ScalarNode> entries = scalars(node, path);
        if (entries == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = entries.get(i).getValue().strip();
            if (!accepted.contains(value)) {
                throw fail(entries.get(i), path + "[" + i + "]", "'" + value + "' is not " + what + "; use one of "
                        + accepted.stream().sorted().collect(Collectors.joining(", ")));
            }
            out.add(value);
        }
        return out;
    }

    private Set<String> stringSet(Map<String, Node> m, String key, String path) {
        List<ScalarNode> entries = scalars(m.get(key), path + "." + key);
        if (entries == null) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = entries.get(i).getValue().strip();
            if (value.isEmpty()) {
                throw fail(entries.get(i), path + "." + key + "[" + i + "]", "must not be empty");
            }
            out.add(value);
        }
        return out;
    }

    private <E extends Enum<E>> Set<E> enumSet(Map<String, Node> m, String key, String path, Class<E> type) {
        String at = path + "." + key;
        List<ScalarNode> entries = scalars(m.get(key), at);
        if (entries == null) {
            return null;
        }
        Set<E> out = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String value = entries.get(i).getValue().strip();
            try {
                out.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw fail(entries.get(i), at + "[" + i + "]", "'" + value + "' is not accepted; use one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            }
        }
        return out;
    }

    private Integer integer(Node node, String path, int minimum) {
        if (node == null) {
            return null;
        }
        ScalarNode s = scalar(node, path);
        try {
            int value = Integer.parseInt(s.getValue().strip());
            if (value >= minimum) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw fail(s, path, "'" + s.getValue() + "' is not a whole number of at least " + minimum);
    }

    private Boolean bool(Node node, String path) {
        if (node == null) {
            return null;
        }
        ScalarNode s = scalar(node, path);
        return switch (s.getValue().strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw fail(s, path, "'" + s.getValue() + "' is not a boolean; use true or false");
        };
    }

    private List<ScalarNode> scalars(Node node, String path) {
        if (node == null) {
            return null;
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw fail(node, path, "expected a list, e.g. [a, b] or one '- item' per line");
        }
        List<ScalarNode> out = new ArrayList<>();
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
            out.add(scalar(items.get(i), path + "[" + i + "]"));
        }
        return out;
    }

    private ScalarNode scalar(Node node, String path) {
        if (!(node instanceof ScalarNode s) || isNull(node)) {
            throw fail(node, path, "expected a single value");
        }
        return s;
    }

    private MappingNode mappingNode(Node node, String path) {
        if (!(node instanceof MappingNode m)) {
            throw fail(node, path, "expected a mapping of keys to values");
        }
        return m;
    }

    /**
     * The mapping's entries by key, refusing duplicates and, when {@code accepted} is given, unknown keys.
     */
    private Map<String, Node> mapping(Node node, String path, List<String> accepted) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (NodeTuple tuple : mappingNode(node, path).getValue()) {
            String key = keyOf(tuple, path);
            String at = "(top level)".equals(path) ? key : path + "." + key;
            if (accepted != null && !accepted.contains(key)) {
                throw fail(tuple.getKeyNode(), at, "unknown key '" + key + "'; accepted here: "
                        + String.join(", ", accepted));
            }
            if (out.containsKey(key)) {
                throw fail(tuple.getKeyNode(), at, "'" + key + "' is given twice; give it once");
            }
            out.put(key, tuple.getValueNode());
        }
        return out;
    }

    private String keyOf(NodeTuple tuple, String path) {
        if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
            throw fail(tuple.getKeyNode(), path, "keys must be plain names");
        }
        return key.getValue();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode s && Tag.NULL.equals(s.getTag());
    }

    private PolicyFileException fail(Node node, String path, String message) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        return new PolicyFileException(file + " line " + line + ": " + path + ": " + message);
    }
}
