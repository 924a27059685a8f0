package org.serverlessbench.openwhisk.junit.internal;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.serverlessbench.openwhisk.junit.ConfigurationKeys;
import org.serverlessbench.openwhisk.report.ResultsOptions;

/** Reads the history and baseline keys ({@code openwhisk.results.keep}, {@code openwhisk.baseline*}). */
final class ResultsSettings {

    private ResultsSettings() {}

    static ResultsOptions read(Function<String, Optional<String>> parameters, Path directory) {
        int keep = number(parameters, ConfigurationKeys.RESULTS_KEEP, ResultsOptions.DEFAULT_KEEP, 1,
                Integer.MAX_VALUE, "a whole number of runs, at least 1").intValue();
        Optional<String> baseline = value(parameters, ConfigurationKeys.BASELINE);
        boolean failOnRegression = value(parameters, ConfigurationKeys.BASELINE_FAIL_ON)
                .map(text -> switch (text.toLowerCase(Locale.ROOT)) {
                    case "regression" -> true;
                    case "none" -> false;
                    default -> throw new ExtensionConfigurationException("Configuration parameter "
                            + ConfigurationKeys.BASELINE_FAIL_ON + " is \"" + text + "\", but must be one of:"
                            + " regression, none (default none)");
                }).orElse(false);
        if (failOnRegression && baseline.isEmpty()) {
            throw new ExtensionConfigurationException(ConfigurationKeys.BASELINE_FAIL_ON + " is regression, but no"
                    + " baseline is set: set " + ConfigurationKeys.BASELINE + " to a run id or 'previous'");
        }
        double minimumChange = number(parameters, ConfigurationKeys.BASELINE_MIN_CHANGE,
                ResultsOptions.DEFAULT_MINIMUM_CHANGE, 0, 100, "a relative change such as 0.10 for 10 %")
                .doubleValue();
        return new ResultsOptions(directory, keep, baseline, failOnRegression, minimumChange);
    }

    private static Optional<String> value(Function<String, Optional<String>> parameters, String key) {
        return parameters.apply(key).map(String::strip).filter(text -> !text.isEmpty());
    }

    private static Number number(Function<String, Optional<String>> parameters, String key, Number defaultValue,
            double min, double max, String expected) {
        Optional<String> text = value(parameters, key);
        if (text.isEmpty()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.get());
            if (value >= min && value <= max && (defaultValue instanceof Double || value == Math.rint(value))) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the key and what is expected
        }
        throw new ExtensionConfigurationException("Configuration parameter " + key + " is \"" + text.get()
                + "\", but must be " + expected + " (default " + defaultValue + ")");
    }
}
