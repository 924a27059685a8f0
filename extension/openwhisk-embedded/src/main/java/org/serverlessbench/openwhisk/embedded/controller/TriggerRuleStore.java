package org.serverlessbench.openwhisk.embedded.controller;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Triggers and rules of the one namespace, in memory. A rule's status is kept in its trigger's link, as OpenWhisk
 * keeps it, so every write that touches both is serialised here.
 */
final class TriggerRuleStore {
    static final String NO_TRIGGER_FOR_STATUS = "Only rules with existing triggers can be activated";

    private final ConcurrentHashMap<String, StoredTrigger> triggers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, StoredRule> rules = new ConcurrentHashMap<>();

    StoredTrigger trigger(String name) {
        return triggers.get(name);
    }

    StoredRule rule(String name) {
        return rules.get(name);
    }

    /** Newest first. */
    List<StoredTrigger> triggers() {
        List<StoredTrigger> list = new ArrayList<>(triggers.values());
        list.sort(Comparator.comparingLong(StoredTrigger::updated).reversed().thenComparing(StoredTrigger::name));
        return list;
    }

    /** Newest first. */
    List<StoredRule> rules() {
        List<StoredRule> list = new ArrayList<>(rules.values());
        list.sort(Comparator.comparingLong(StoredRule::updated).reversed().thenComparing(StoredRule::name));
        return list;
    }

    /** Replaces the trigger with what {@code change} makes of the current one ({@code null} when absent). */
    synchronized StoredTrigger putTrigger(String name, UnaryOperator<StoredTrigger> change) {
        StoredTrigger updated = change.apply(triggers.get(name));
        triggers.put(name, updated);
        return updated;
    }

    /** Deletes a trigger; its rules stay and are inactive from then on, as in OpenWhisk. */
    synchronized StoredTrigger deleteTrigger(String name) {
        StoredTrigger removed = triggers.remove(name);
        if (removed == null) {
            throw ApiException.notFound();
        }
        return removed;
    }

    /** Whether {@code rule} is active: its trigger exists and links it as active. */
    boolean isActive(StoredRule rule) {
        StoredTrigger trigger = triggers.get(rule.trigger().name());
        return trigger != null && rule.trigger().namespace().equals(rule.namespace())
                && trigger.isActive(rule.qualifiedName());
    }

    /** A rule as stored by {@link #putRule}, with its status. */
    record PutRule(StoredRule rule, boolean active) {
    }

    /**
     * Stores what {@code change} makes of the rule ({@code null} when absent) and links it into its trigger: a new
     * rule is active, an updated one keeps its status (moving to another trigger if it names one).
     */
    synchronized PutRule putRule(String name, UnaryOperator<StoredRule> change) {
        StoredRule existing = rules.get(name);
        StoredRule updated = change.apply(existing);
        StoredTrigger target = updated.trigger().namespace().equals(updated.namespace())
                ? triggers.get(updated.trigger().name()) : null;
        if (target == null) {
            throw ApiException.badRequest("trigger " + updated.trigger().withLeadingSlash() + " does not exist");
        }
        boolean active = existing == null || isActive(existing);
        if (existing != null && !existing.trigger().equals(updated.trigger())) {
            unlink(existing);
        }
        rules.put(name, updated);
        triggers.put(target.name(), target.withRule(updated.qualifiedName(), new RuleLink(updated.action(), active)));
        return new PutRule(updated, active);
    }

    /** Deletes a rule and its link. */
    synchronized StoredRule deleteRule(String name) {
        StoredRule removed = rules.remove(name);
        if (removed == null) {
            throw ApiException.notFound();
        }
        unlink(removed);
        return removed;
    }

    /** Sets a rule's status in its trigger; 404 when the rule or its trigger does not exist. */
    synchronized void setStatus(String name, boolean active) {
        StoredRule rule = rules.get(name);
        if (rule == null) {
            throw ApiException.notFound();
        }
        StoredTrigger trigger = triggers.get(rule.trigger().name());
        if (trigger == null) {
            throw new ApiException(404, NO_TRIGGER_FOR_STATUS);
        }
        triggers.put(trigger.name(), trigger.withRule(rule.qualifiedName(), new RuleLink(rule.action(), active)));
    }

    private void unlink(StoredRule rule) {
        StoredTrigger trigger = triggers.get(rule.trigger().name());
        if (trigger != null) {
            triggers.put(trigger.name(), trigger.withoutRule(rule.qualifiedName()));
        }
    }
}
