package io.kycflow.aws;

import io.kycflow.journey.JourneyService;
import io.kycflow.store.DynamoJourneyRepository;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;

/**
 * The journey use cases on AWS, wired from settings in this one place for every journey function: journeys in the
 * table, executions in Step Functions (its client built on first use), the service over both.
 *
 * @param repository   the journeys in the table
 * @param stateMachine the journey executions
 * @param service      the use cases over both
 */
public record AwsJourneys(DynamoJourneyRepository repository, SfnJourneys stateMachine, JourneyService service) {

    /** For functions that record and resume journeys: a task token names its execution, so no machine is named. */
    public static AwsJourneys resuming(Settings settings, DynamoDbClient dynamo, Clock clock) {
        return wire(settings, dynamo, clock, null);
    }

    /** For the submission API, which also starts executions of the machine {@link Settings#stateMachineArn()} names. */
    public static AwsJourneys starting(Settings settings, DynamoDbClient dynamo, Clock clock) {
        return wire(settings, dynamo, clock, settings.stateMachineArn());
    }

    private static AwsJourneys wire(Settings settings, DynamoDbClient dynamo, Clock clock, String stateMachineArn) {
        DynamoJourneyRepository repository = new DynamoJourneyRepository(dynamo, settings.table());
        SfnJourneys stateMachine = new SfnJourneys(AwsClients.lazy(() -> AwsClients.sfn(settings)), stateMachineArn);
        return new AwsJourneys(repository, stateMachine, new JourneyService(repository, stateMachine, clock));
    }
}
