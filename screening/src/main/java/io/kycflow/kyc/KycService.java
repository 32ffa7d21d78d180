package io.kycflow.kyc;

import io.kycflow.auth.Secrets;
import io.kycflow.callback.CallbackEvent;
import io.kycflow.callback.CallbackPublisher;
import io.kycflow.core.ConcurrentUpdateException;
import io.kycflow.screening.ScreeningIndex;
import io.kycflow.screening.ScreeningResult;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The KYC check use cases: screen a subject, review hits, decide, attach metadata, re-screen for monitoring.
 * Changes are read-modify-write with optimistic locking; callback events go through the check's outbox, so they are
 * enqueued at least once, each with a stable id.
 */
public final class KycService {
    /** Event types of API.md "Callbacks". */
    public static final String KYC_COMPLETED = "kyc.completed";
    public static final String KYC_DECISION_UPDATED = "kyc.decision.updated";
    public static final String MONITORING_HIT = "aml.monitoring.hit";

    private static final int MAX_ATTEMPTS = 8;

    private final KycRepository repository;
    private final Supplier<ScreeningIndex> index;
    private final CallbackPublisher callbacks;
    private final Clock clock;
    private final Duration monitoringInterval;

    /**
     * @param index              the current screening index (may change when a new list version is published); null
     *                           while no list is loaded
     * @param monitoringInterval how long after a screening a monitored subject is due again
     */
    public KycService(KycRepository repository, Supplier<ScreeningIndex> index, CallbackPublisher callbacks, Clock clock,
                      Duration monitoringInterval) {
        this.repository = repository;
        this.index = index;
        this.callbacks = callbacks;
        this.clock = clock;
        this.monitoringInterval = monitoringInterval;
    }

    /** No sanctions list has been published yet, so nothing can be screened. */
    public static final class ListsUnavailableException extends RuntimeException {
        public ListsUnavailableException() {
            super("no sanctions list is loaded", null, false, false);
        }
    }

    /** The index to screen with; throws when none is loaded. */
    public ScreeningIndex index() {
        ScreeningIndex current = index.get();
        if (current == null) {
            throw new ListsUnavailableException();
        }
        return current;
    }

    /** Screens a new check, stores it and fires kyc.completed. */
    public KycCheck create(KycCheck.Request request) {
        return create(request, "kyc_" + Secrets.random(12));
    }

    /**
     * The check with this id, screened and stored now if it does not exist yet: a retried step (a journey's AML
     * screening) finds the check its first attempt stored instead of screening twice.
     */
    public KycCheck createOnce(KycCheck.Request request, String jobId) {
        return repository.find(request.tenantId(), jobId).orElseGet(() -> create(request, jobId));
    }

    private KycCheck create(KycCheck.Request request, String jobId) {
        ScreeningIndex current = index();
        long now = clock.millis();
        KycCheck check = KycCheck.create(request, jobId, now);
        screen(check, current, now);
        check.recordEvent(KYC_COMPLETED, null, now);
        repository.create(check);
        return publish(check);
    }

    public Optional<KycCheck> find(String tenantId, String jobId) {
        return repository.find(tenantId, jobId);
    }

    /** A change to one check, given the time it happens. */
    @FunctionalInterface
    public interface Change {
        void apply(KycCheck check, long now);
    }

    /**
     * Applies a change to a check, writes it unless the change left it as it was, and publishes the events it
     * recorded; empty when the check does not exist.
     */
    public Optional<KycCheck> update(String tenantId, String jobId, Change change) {
        for (int attempt = 1; ; attempt++) {
            Optional<KycCheck> found = repository.find(tenantId, jobId);
            if (found.isEmpty()) {
                return found;
            }
            KycCheck check = found.get();
            String before = check.toStorage();
            change.apply(check, clock.millis());
            if (before.equals(check.toStorage())) {
                // nothing to write (a re-delivered monitoring message, a subject not due); events still pending go out
                return Optional.of(publish(check));
            }
            try {
                repository.save(check);
                return Optional.of(publish(check));
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Records the decision and fires kyc.decision.updated; a second decision is a {@link KycConflictException}. */
    public Optional<KycCheck> decide(String tenantId, String jobId, boolean accepted, String comment, String by) {
        return update(tenantId, jobId, (check, now) -> {
            check.decide(accepted, comment, by, now);
            check.recordEvent(KYC_DECISION_UPDATED, null, now);
        });
    }

    /**
     * Screens a monitored check again with the current lists, unless it was already screened against these list
     * versions (then a due check is only scheduled again). New hits move it to In Review and fire aml.monitoring.hit.
     *
     * @return the hits newly raised; empty when none (or when the check no longer exists)
     */
    public List<KycHit> rescreen(String tenantId, String jobId) {
        ScreeningIndex current = index();
        List<KycHit> raised = new ArrayList<>();
        update(tenantId, jobId, (check, now) -> {
            raised.clear();
            boolean due = check.nextMonitoringAt() != null && check.nextMonitoringAt() <= now;
            boolean screened = check.screenedAgainst(current.listVersions());
            if (!check.monitoring() || (!due && screened)) {
                return;
            }
            if (screened) {
                // Due, but these list versions gave their hits already: the same lists screen the same. Not
                // screened twice for one version, only due again later.
                check.scheduleMonitoring(now + monitoringInterval.toMillis());
                return;
            }
            raised.addAll(screen(check, current, now));
            if (!raised.isEmpty()) {
                check.recordEvent(MONITORING_HIT, Long.toString(now), now);
            }
        });
        return raised;
    }

    private List<KycHit> screen(KycCheck check, ScreeningIndex current, long now) {
        long started = System.nanoTime();
        ScreeningResult result = current.screen(check.query());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return check.applyScreening(result, now, tookMs, now + monitoringInterval.toMillis());
    }

    /**
     * Enqueues the check's pending events and clears them from its outbox. A failed enqueue leaves them pending:
     * the next change to the check (or the monitoring sweep) publishes them again under the same ids.
     */
    private KycCheck publish(KycCheck check) {
        if (check.pendingEvents().isEmpty()) {
            return check;
        }
        List<String> sent = new ArrayList<>();
        for (KycCheck.PendingEvent event : check.pendingEvents()) {
            callbacks.publish(new CallbackEvent(event.eventId(), event.eventType(), event.createdAt(),
                    check.tenantId(), check.callbackUrl(), check.view()));
            sent.add(event.eventId());
        }
        check.eventsPublished(sent);
        try {
            repository.save(check);
        } catch (ConcurrentUpdateException e) {
            // Another writer saved meanwhile; it publishes what is still pending. A duplicate delivery is harmless:
            // the receiver sees the same event_id.
        }
        return check;
    }
}
