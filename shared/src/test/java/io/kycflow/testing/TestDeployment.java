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
}
