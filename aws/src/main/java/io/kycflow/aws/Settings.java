package io.kycflow.aws;

import io.kycflow.net.UrlGuard;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration read from environment variables, the way Lambda passes it. The local runtime passes its own map,
 * so the same code runs in the cloud, against LocalStack and embedded backends. Every variable a function reads is
 * parsed here, so a value means the same in each function and a bad one is refused with its name at start.
 *
 * @param env the variables (never logged: they may hold credentials)
 */
public record Settings(Map<String, String> env) {

    /** Settings of this process. */
    public static Settings fromEnvironment() {
        return new Settings(System.getenv());
    }

    /** A variable, or the fallback when unset or blank. */
    public String get(String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A variable that must be set. */
    public String require(String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public String table() {
        return require("KYCFLOW_TABLE");
    }

    public String bucket() {
        return require("KYCFLOW_BUCKET");
    }

    /** The journey state machine: only the submission API starts executions (a task token names its own). */
    public String stateMachineArn() {
        return require("KYCFLOW_STATE_MACHINE_ARN");
    }

    public String callbackQueueUrl() {
        return require("KYCFLOW_CALLBACK_QUEUE_URL");
    }

    public String monitoringQueueUrl() {
        return require("KYCFLOW_MONITORING_QUEUE_URL");
    }

    /** Base of the hosted journey page's URL (journeyUrl). */
    public String journeyBaseUrl() {
        return get("KYCFLOW_JOURNEY_BASE_URL", "https://journey.kycflow.invalid/j");
    }

    /** Which callback URLs may name private hosts (local development). */
    public UrlGuard callbackGuard() {
        return allowList("KYCFLOW_CALLBACK_ALLOWLIST");
    }

    /** How long after a screening a monitored check is due again; the screening API and the worker must agree. */
    public Duration monitoringInterval() {
        return duration("KYCFLOW_MONITORING_INTERVAL", "P1D");
    }

    /** How often a warm screening function looks for a newly published list version. */
    public Duration listCheckInterval() {
        return duration("KYCFLOW_LIST_CHECK_INTERVAL", "PT5S");
    }

    /** A comma-separated list of hosts allowed although private, as a guard for outgoing URLs. */
    public UrlGuard allowList(String name) {
        return UrlGuard.fromAllowList(get(name, ""));
    }

    /** A positive ISO 8601 duration such as PT2M. */
    public Duration duration(String name, String fallback) {
        Duration value;
        try {
            value = Duration.parse(get(name, fallback));
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(name + " is not an ISO 8601 duration such as PT2M or P1D", e);
        }
        if (value.isNegative() || value.isZero()) {
            throw new IllegalStateException(name + " must be a positive duration");
        }
        return value;
    }

    /** A positive whole number. */
    public long positiveNumber(String name, long fallback) {
        long value;
        try {
            value = Long.parseLong(get(name, Long.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " is not a whole number", e);
        }
        if (value <= 0) {
            throw new IllegalStateException(name + " must be a positive number");
        }
        return value;
    }

    public String region() {
        return get("AWS_REGION", get("AWS_DEFAULT_REGION", "us-east-1"));
    }

    /** Path-style S3 addressing, needed by s3proxy and LocalStack. */
    public boolean s3PathStyle() {
        return Boolean.parseBoolean(get("KYCFLOW_S3_PATH_STYLE", "false"));
    }

    /**
     * The endpoint for a service, following the SDK convention: {@code AWS_ENDPOINT_URL_<SERVICE>} first,
     * then {@code AWS_ENDPOINT_URL}; null means the SDK's default endpoint.
     */
    public URI endpoint(String serviceId) {
        String specific = get("AWS_ENDPOINT_URL_" + serviceId.toUpperCase(Locale.ROOT), null);
        String value = specific != null ? specific : get("AWS_ENDPOINT_URL", null);
        return value == null ? null : URI.create(value);
    }
}
