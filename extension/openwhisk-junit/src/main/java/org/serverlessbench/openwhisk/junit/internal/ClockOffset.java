package org.serverlessbench.openwhisk.junit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The correction between the client's clock and the function's, for reading a function's receive time
 * ({@code receivedAt}, epoch ms, in its result) against the client's send time. On the embedded target both run on
 * one machine and clock, so no correction applies. On a remote target the offset is estimated as SeBS does with its
 * UDP exchange, by the least round trip: of a few invocations, the one with the shortest round trip bounds the
 * offset most tightly, and the function is assumed to have received it halfway through.
 *
 * @param correction {@code none (...)} or {@code min-rtt (...)}, saying why
 * @param offsetMs   the function's clock minus the client's, when estimated
 * @param rttMs      the round trip of the exchange the offset comes from, when estimated
 */
record ClockOffset(String correction, Optional<Double> offsetMs, Optional<Double> rttMs) {

    static final int EXCHANGES = 5;

    static final ClockOffset SAME_CLOCK = new ClockOffset("none (embedded target: the functions run on the"
            + " client's clock)", Optional.empty(), Optional.empty());

    /**
     * One invocation: sent at {@code sentEpochUs} by the client, answered after {@code roundTripUs}, received by the
     * function at {@code receivedAtEpochMs} by its clock.
     */
    record Exchange(long sentEpochUs, long roundTripUs, double receivedAtEpochMs) {}

    /** The estimate from {@code exchanges}: the offset of the one with the least round trip. */
    static ClockOffset fromExchanges(List<Exchange> exchanges) {
        if (exchanges.isEmpty()) {
            return new ClockOffset("none (the function returned no receivedAt, so no offset could be estimated)",
                    Optional.empty(), Optional.empty());
        }
        Exchange best = exchanges.get(0);
        for (Exchange exchange : exchanges) {
            if (exchange.roundTripUs() < best.roundTripUs()) {
                best = exchange;
            }
        }
        double midpointMs = (best.sentEpochUs() + best.roundTripUs() / 2.0) / 1000.0;
        return new ClockOffset("min-rtt (least round trip of " + exchanges.size() + " invocations)",
                Optional.of(best.receivedAtEpochMs() - midpointMs), Optional.of(best.roundTripUs() / 1000.0));
    }

    /** Invokes {@code action} {@code count} times with no parameters (not recorded) and estimates the offset. */
    static ClockOffset measure(DeployedAction action, Calls.Call call, int count) {
        List<Exchange> exchanges = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DefaultInvocation invocation = call.call(action, Map.of());
            Object receivedAt = invocation.success() ? invocation.resultMap().get("receivedAt") : null;
            if (receivedAt instanceof Number number) {
                long sentUs = invocation.clientBegin().getEpochSecond() * 1_000_000
                        + invocation.clientBegin().getNano() / 1000;
                exchanges.add(new Exchange(sentUs, invocation.clientTimeUs(), number.doubleValue()));
            }
        }
        return fromExchanges(exchanges);
    }
}
