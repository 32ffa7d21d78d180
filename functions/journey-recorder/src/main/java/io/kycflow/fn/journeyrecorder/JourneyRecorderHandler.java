package io.kycflow.fn.journeyrecorder;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.AwsJourneys;
import io.kycflow.aws.ColdStart;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Log;
import io.kycflow.aws.Settings;
import io.kycflow.journey.Journey;
import io.kycflow.journey.JourneyNotFoundException;
import io.kycflow.journey.JourneyRules;
import io.kycflow.journey.JourneyService;
import io.kycflow.journey.JourneyStep;
import io.kycflow.json.Json;
import io.kycflow.store.KycflowTable;

import java.time.Clock;

/**
 * Records the journey state machine's transitions in DynamoDB so that GET always tells the truth: waits on user
 * steps (storing the task token), consent declined, completion with the decision, expiry and failures.
 */
public final class JourneyRecorderHandler extends JsonHandler {
    static {
        ColdStart.warmRequests(clients -> KycflowTable.warmUp(clients.dynamoDb()));
    }

    private final AwsJourneys wiring;
    private final JourneyService journeys;

    /** Lambda entry point. */
    public JourneyRecorderHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    /** Wiring from settings (the local runtime, tests and the benchmark pass their own). */
    public JourneyRecorderHandler(Settings settings, Clock clock) {
        this.wiring = AwsJourneys.resuming(settings, AwsClients.dynamoDb(settings), clock);
        this.journeys = wiring.service();
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        journeys.find("priming", "j_priming");
        wiring.stateMachine().prime();
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        String action = event.path("action").asText();
        String tenantId = event.path("tenantId").asText();
        String journeyId = event.path("journeyId").asText();
        JourneyService.Change change = switch (action) {
            case "await" -> {
                JourneyStep step = JourneyStep.valueOf(event.path("step").asText());
                String token = event.path("taskToken").asText();
                yield (journey, now) -> JourneyRules.await(journey, step, token, now);
            }
            case "consent_declined" -> (journey, now) -> {
                JourneyRules.declineConsent(journey, now);
                return null;
            };
            case "complete" -> (journey, now) -> {
                JourneyRules.complete(journey, now);
                return null;
            };
            case "expire" -> (journey, now) -> {
                JourneyRules.expire(journey, now);
                return null;
            };
            case "fail" -> {
                String error = Json.text(event.path("error"), "Error");
                yield (journey, now) -> {
                    JourneyRules.fail(journey, error, now);
                    return null;
                };
            }
            default -> throw new IllegalArgumentException("unknown action " + action);
        };
        Journey journey = journeys.update(tenantId, journeyId, change).orElseThrow(() -> new JourneyNotFoundException(journeyId));
        Log.info("journey recorded", "action", action, "journeyId", journeyId, "step", journey.step().name(),
                "decision", journey.decisionStatus().label());
        return Json.object()
                .put("journeyId", journeyId)
                .put("step", journey.step().name())
                .put("decisionStatus", journey.decisionStatus().label());
    }
}
