package io.kycflow.asl;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * What every execution shares: the task integrations, the task tokens, the (virtual-thread) executor and the time
 * scale that shortens every duration of a definition in tests (1.0 = real seconds).
 *
 * @param functionArns the integration for plain Lambda function ARN resources, or null
 */
record Engine(Map<String, TaskIntegration> integrations, TaskIntegration functionArns, TaskTokens tokens,
              ExecutorService executor, double timeScale, String region) {

    /** The integration for a resource without its {@code .waitForTaskToken} suffix, or null. */
    TaskIntegration integration(String resource) {
        TaskIntegration integration = integrations.get(resource);
        if (integration == null && functionArns != null && LambdaIntegration.isFunctionArn(resource)) {
            return functionArns;
        }
        return integration;
    }

    /** {@code seconds} of definition time as real time. */
    Duration scaled(double seconds) {
        return Duration.ofNanos(Math.round(seconds * timeScale * 1e9));
    }
}
