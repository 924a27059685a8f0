package org.serverlessbench.openwhisk.client;

import java.util.regex.Pattern;

/**
 * A configuration value and where it came from.
 *
 * @param value  the value after normalisation (an apihost always has a scheme)
 * @param source for example {@code builder}, {@code system property openwhisk.apihost},
 *               {@code environment variable WHISK_AUTH}, {@code APIHOST in /root/.wskprops} or {@code default}
 */
public record ConfigValue(String value, String source) {

    private static final Pattern CREDENTIAL = Pattern.compile("[0-9a-fA-F-]{36}:.+");

    /** Shows the value and its source; a {@code uuid:key} value is shown as {@code uuid:****}. */
    @Override
    public String toString() {
        String shown = value != null && CREDENTIAL.matcher(value).matches()
                ? value.substring(0, value.indexOf(':')) + ":****"
                : value;
        return shown + " (from " + source + ")";
    }
}
