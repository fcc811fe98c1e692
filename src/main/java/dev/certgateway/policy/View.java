package dev.certgateway.policy;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the JSON view of a policy: the same keys as the file, leaving out what is not restricted. */
final class View {

    private View() {
    }

    static Map<String, Object> of(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null && !(value instanceof Map<?, ?> m && m.isEmpty())) {
                out.put((String) keysAndValues[i], value);
            }
        }
        return out;
    }
}
