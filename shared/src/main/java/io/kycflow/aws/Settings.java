package io.kycflow.aws;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Configuration read from environment variables, the way Lambda passes it. The local runtime passes its own map,
 * so the same code runs in the cloud, against LocalStack and embedded backends.
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

    public String stateMachineArn() {
        return require("KYCFLOW_STATE_MACHINE_ARN");
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
