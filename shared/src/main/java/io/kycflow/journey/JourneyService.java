package io.kycflow.journey;

import com.fasterxml.jackson.databind.node.ObjectNode;

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
        for (int attempt = 1; ; attempt++) {
            Optional<Journey> found = repository.find(tenantId, journeyId);
            if (found.isEmpty()) {
                return found;
            }
            Journey journey = found.get();
            long now = clock.millis();
            String token = change.apply(journey, now);
            try {
                repository.save(journey);
            } catch (JourneyRepository.ConcurrentUpdateException e) {
                if (attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
                continue;
            }
            if (token != null) {
                ObjectNode output = JourneyRules.resumeOutput(journey, now);
                resumer.resume(token, output);
            }
            return found;
        }
    }

    /** Records a user's input for a step (consent, document choice, an accepted image) and resumes a waiting step. */
    public Optional<Journey> userInput(String tenantId, String journeyId, JourneyStep step,
                                       java.util.function.ObjLongConsumer<Journey> input) {
        return update(tenantId, journeyId, (journey, now) -> {
            input.accept(journey, now);
            return JourneyRules.takeResumeToken(journey, step);
        });
    }
}
