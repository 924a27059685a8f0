package org.serverlessbench.openwhisk.client;

/**
 * A configuration value and where it came from.
 *
 * @param value  the value after normalisation (an apihost always has a scheme)
 * @param source for example {@code builder}, {@code system property openwhisk.apihost},
 *               {@code environment variable WHISK_AUTH}, {@code APIHOST in /root/.wskprops} or {@code default}
 */
public record ConfigValue(String value, String source) {

    @Override
    public String toString() {
        return value + " (from " + source + ")";
    }
}
