package org.serverlessbench.openwhisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The {@code trialSpread} array of {@code results.json}: one object per {@link TrialSpread}, in µs. */
final class TrialSpreadJson {

    private TrialSpreadJson() {}

    static ArrayNode toJson(ObjectMapper mapper, List<TrialSpread> spreads) {
        ArrayNode array = mapper.createArrayNode();
        for (TrialSpread spread : spreads) {
            ObjectNode node = array.addObject();
            ResultsJsonWriter.putGroup(node, spread.key());
            node.put("metric", "clientTimeUs");
            node.put("trialCount", spread.trials().size());
            ArrayNode trials = node.putArray("trials");
            spread.trials().forEach(trial -> trials.addObject().put("trial", trial.trial())
                    .put("count", trial.count()).put("median", round(trial.median())).put("mean", round(trial.mean())));
            node.put("medianMin", round(spread.medianRange().min()));
            node.put("medianMax", round(spread.medianRange().max()));
            node.put("medianRange", round(spread.medianRange().width()));
            node.put("meanMin", round(spread.meanRange().min()));
            node.put("meanMax", round(spread.meanRange().max()));
            node.put("meanRange", round(spread.meanRange().width()));
            node.put("meanOfMeans", round(spread.meanOfMeans()));
            ConfidenceInterval ci = spread.meanOfMeansInterval(ConfidenceLevel.NINETY_FIVE);
            node.putArray("meanOfMeansCi95").add(round(ci.lower())).add(round(ci.upper()));
            double cv = spread.betweenTrialCv();
            if (Double.isNaN(cv)) {
                node.putNull("betweenTrialCv");
            } else {
                node.put("betweenTrialCv", Math.round(cv * 1e4) / 1e4);
            }
            ObjectNode pooled = node.putObject("pooled");
            pooled.put("count", spread.pooled().count());
            pooled.put("mean", round(spread.pooled().mean()));
            spread.pooled().meanInterval(ConfidenceLevel.NINETY_FIVE).ifPresentOrElse(
                    interval -> pooled.putArray("meanCi95").add(round(interval.lower())).add(round(interval.upper())),
                    () -> pooled.putNull("meanCi95"));
        }
        return array;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
