package io.kycflow.asl;

import java.time.Instant;

/**
 * What DescribeExecution returns. {@code input} and {@code output} are JSON text; {@code stopDate}, {@code output},
 * {@code error} and {@code cause} are null when not applicable.
 */
public record ExecutionInfo(String executionArn, String stateMachineArn, String name, ExecutionStatus status,
                            Instant startDate, Instant stopDate, String input, String output, String error,
                            String cause) {
}
