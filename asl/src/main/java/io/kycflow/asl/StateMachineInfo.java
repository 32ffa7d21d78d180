package io.kycflow.asl;

import java.time.Instant;

/** What DescribeStateMachine returns (all state machines here are STANDARD and ACTIVE). */
public record StateMachineInfo(String stateMachineArn, String name, String definition, String roleArn,
                               Instant creationDate) {
}
