package io.kycflow.testing;

import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.backends.TestBackends;
import io.kycflow.store.KycflowTable;

import java.util.HashMap;
import java.util.Map;

/** A deployment of a test's own on the shared embedded backends: a table and a bucket by one name. */
public final class TestDeployment {
    private TestDeployment() {
    }

    /** Creates the table and the bucket {@code name} (unless they exist) and returns the settings that name them. */
    public static Settings named(String name) {
        TestBackends.shared().createBucket(name);
        Map<String, String> env = new HashMap<>(TestBackends.shared().environment());
        env.put("KYCFLOW_TABLE", name);
        env.put("KYCFLOW_BUCKET", name);
        Settings settings = new Settings(env);
        KycflowTable.create(AwsClients.dynamoDb(settings), name);
        return settings;
    }

    /** {@code settings} with one variable set. */
    public static Settings with(Settings settings, String name, String value) {
        Map<String, String> env = new HashMap<>(settings.env());
        env.put(name, value);
        return new Settings(env);
    }

    /** A staged failure: the table does not exist. */
    public static Settings withoutTable(Settings settings) {
        return with(settings, "KYCFLOW_TABLE", "no-such-table");
    }

    /** A staged failure: Step Functions on a port nothing listens on, so every call fails to connect. */
    public static Settings withStepFunctionsUnreachable(Settings settings) {
        return with(settings, "AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:1");
    }
}
