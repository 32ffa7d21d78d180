package io.kycflow.journey;

import io.kycflow.core.ConcurrentUpdateException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The journey use cases shared by the API, the upload trigger, the checks and the state machine recorder: each
 * reads the journey, applies {@link JourneyRules}, writes it back with optimistic locking (retrying on a
 * concurrent write) and resumes the execution when the rules hand back a task token.
 */
public final class JourneyService {
    private static final int MAX_ATTEMPTS = 8;

    private final JourneyRepository repository;
    private final JourneyResumer resumer;
    private final Clock clock;

    public JourneyService(JourneyRepository repository, JourneyResumer resumer, Clock clock) {
        this.repository = repository;
        this.resumer = resumer;
        this.clock = clock;
    }

    public Clock clock() {
        return clock;
    }

    public Optional<Journey> find(String tenantId, String journeyId) {
        return repository.find(tenantId, journeyId);
    }

    /** A change to one journey. Returns a task token to resume with, or null. */
    @FunctionalInterface
    public interface Change extends BiFunction<Journey, Long, String> {
    }

    /**
     * Applies a change to a journey and resumes its execution if the change hands back a task token.
     *
     * @return the journey as written, or empty when it does not exist
     */
    public Optional<Journey> update(String tenantId, String journeyId, Change change) {
        Optional<Saved> saved = save(tenantId, journeyId, change);
        saved.ifPresent(this::resume);
        return saved.map(Saved::journey);
    }

    /**
     * Records a user's input for a step (consent, document choice, an accepted image) and resumes a waiting step.
     * When resuming fails the input stays recorded and the task token goes back on the journey, so that the same
     * input delivered again (a retried upload event) resumes the step.
     */
    public Optional<Journey> userInput(String tenantId, String journeyId, JourneyStep step,
                                       java.util.function.ObjLongConsumer<Journey> input) {
        Optional<Saved> saved = save(tenantId, journeyId, (journey, now) -> {
            input.accept(journey, now);
            return JourneyRules.takeResumeToken(journey, step);
        });
        saved.ifPresent(written -> {
            try {
                resume(written);
            } catch (RuntimeException e) {
                try {
                    save(tenantId, journeyId, (journey, now) -> {
                        JourneyRules.returnResumeToken(journey, step, written.token());
                        return null;
                    });
                } catch (RuntimeException alsoFailed) {
                    e.addSuppressed(alsoFailed);
                }
                throw e;
            }
        });
        return saved.map(Saved::journey);
    }

    /** A journey as written, with the task token its change handed back (null: none) and the time of the change. */
    private record Saved(Journey journey, String token, long now) {
    }

    /** Applies the change and writes it with optimistic locking, reading again after a concurrent write. */
    private Optional<Saved> save(String tenantId, String journeyId, Change change) {
        for (int attempt = 1; ; attempt++) {
            Optional<Journey> found = repository.find(tenantId, journeyId);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Journey journey = found.get();
            long now = clock.millis();
            String token = change.apply(journey, now);
            try {
                repository.save(journey);
                return Optional.of(new Saved(journey, token, now));
            } catch (ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private void resume(Saved saved) {
        if (saved.token() != null) {
            resumer.resume(saved.token(), JourneyRules.resumeOutput(saved.journey(), saved.now()));
        }
    }
}
