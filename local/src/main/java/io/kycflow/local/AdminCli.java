package io.kycflow.local;

import io.kycflow.auth.Scope;
import io.kycflow.auth.Secrets;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.Settings;
import io.kycflow.store.DynamoCredentialStore;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Operator commands against any kycflow table (AWS, LocalStack or the local runtime), configured the standard way:
 * AWS credentials and region, {@code AWS_ENDPOINT_URL}, and {@code KYCFLOW_TABLE}.
 * <pre>create-key --tenant acme --scopes kyc:read,kyc:write [--name "ci key"]</pre>
 */
public final class AdminCli {
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private AdminCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("create-key")) {
            System.err.println("usage: create-key --tenant <id> --scopes kyc:read,kyc:write[,kyc:review,kyc:export] [--name <label>]");
            System.exit(2);
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        String tenant = options.get("--tenant");
        if (tenant == null || !TENANT.matcher(tenant).matches()) {
            System.err.println("--tenant must be 1-64 letters, digits, '-' or '_'");
            System.exit(2);
        }
        Set<Scope> scopes = Scope.parseAll(options.getOrDefault("--scopes", "kyc:read,kyc:write"));
        Settings settings = Settings.fromEnvironment();
        String key = Secrets.newApiKey();
        new DynamoCredentialStore(AwsClients.dynamoDb(settings), settings.table())
                .putApiKey(tenant, key, scopes, options.getOrDefault("--name", "admin-cli"));
        System.out.println("tenant: " + tenant);
        System.out.println("scopes: " + Scope.join(scopes));
        System.out.println("api key (shown once): " + key);
    }
}
