package dev.certgateway.deployment;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders helm/cert-gateway with Helm itself (helm-java bundles it) and parses the manifests. */
final class HelmChart {

    static final Path CHART = Paths.get("helm/cert-gateway");
    static final Path PRODUCTION_VALUES = Paths.get("src/test/resources/helm/production-values.yaml");
    static final String RELEASE = "certgw";
    static final String NAMESPACE = "pki";

    private HelmChart() {
    }

    static LintResult lint() {
        return new Helm(CHART).lint().strict().call();
    }

    /** Renders with the chart's values, then the given values files, then the given --set values. */
    static Manifests render(Map<String, Object> sets, Path... valuesFiles) {
        return Manifests.parse(renderText(sets, valuesFiles));
    }

    static String renderText(Map<String, Object> sets, Path... valuesFiles) {
        return renderText(CHART, sets, valuesFiles);
    }

    static String renderText(Path chart, Map<String, Object> sets, Path... valuesFiles) {
        TemplateCommand template = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE);
        for (Path file : valuesFiles) {
            template = template.withValuesFile(file);
        }
        for (Map.Entry<String, Object> set : sets.entrySet()) {
            template = template.set(set.getKey(), set.getValue());
        }
        return template.call();
    }

    /** The rendered objects, in Helm's order. */
    record Manifests(List<Map<String, Object>> objects) {

        static Manifests parse(String text) {
            List<Map<String, Object>> objects = new ArrayList<>();
            for (Object document : new Yaml(new LoaderOptions()).loadAll(text)) {
                if (document != null) {
                    objects.add(map(document));
                }
            }
            return new Manifests(objects);
        }

        List<Map<String, Object>> ofKind(String kind) {
            return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
        }

        Map<String, Object> one(String kind) {
            List<Map<String, Object>> found = ofKind(kind);
            if (found.size() != 1) {
                throw new AssertionError("expected one " + kind + ", found " + found.size() + " in " + kinds());
            }
            return found.get(0);
        }

        Map<String, Object> named(String kind, String name) {
            return ofKind(kind).stream().filter(o -> name.equals(get(o, "metadata.name"))).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in " + kinds()));
        }

        List<String> kinds() {
            return objects.stream().map(o -> (String) o.get("kind")).toList();
        }
    }

    /** Follows a dotted path of map keys; a numeric segment indexes a list. Null where the path ends early. */
    static Object get(Object node, String path) {
        Object current = node;
        for (String segment : path.split("\\.")) {
            if (current instanceof Map<?, ?> map) {
                current = map.get(segment);
            } else if (current instanceof List<?> list && segment.chars().allMatch(Character::isDigit)) {
                int index = Integer.parseInt(segment);
                current = index < list.size() ? list.get(index) : null;
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) Objects.requireNonNull(node, "missing mapping");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return (List<Object>) Objects.requireNonNull(node, "missing list");
    }

    static Map<String, Object> sets(Object... keysAndValues) {
        Map<String, Object> sets = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            sets.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return sets;
    }
}
