package io.kycflow.fn.authorizer;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kycflow.auth.Authenticator;
import io.kycflow.auth.Principal;
import io.kycflow.auth.Scope;
import io.kycflow.aws.AwsClients;
import io.kycflow.aws.ColdStart;
import io.kycflow.aws.JsonHandler;
import io.kycflow.aws.Settings;
import io.kycflow.json.Json;
import io.kycflow.store.DynamoCredentialStore;
import io.kycflow.store.KycflowTable;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * API Gateway REQUEST authorizer for tenant API keys and journey tokens. Unknown credentials end in "Unauthorized"
 * (API Gateway answers 401), known credentials without the right get a Deny policy (403); both bodies are the
 * contract's error format through the API's gateway responses. Allowed calls carry the tenant in the context.
 */
public final class AuthorizerHandler extends JsonHandler {
    static {
        ColdStart.warmRequests(clients -> clients.dynamoDb().getItem(b -> b.tableName("warm-up")
                .key(KycflowTable.key("warm-up", "warm-up"))));
    }

    private final Authenticator authenticator;

    /** Lambda entry point. */
    public AuthorizerHandler() {
        this(Settings.fromEnvironment(), Clock.systemUTC());
    }

    public AuthorizerHandler(Settings settings, Clock clock) {
        this(new Authenticator(new DynamoCredentialStore(AwsClients.dynamoDb(settings), settings.table()), clock));
    }

    AuthorizerHandler(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The error API Gateway maps to 401: its message must be exactly "Unauthorized". */
    public static final class UnauthorizedException extends RuntimeException {
        public UnauthorizedException() {
            super("Unauthorized", null, false, false);
        }
    }

    @Override
    public void prime() throws Exception {
        super.prime();
        // A key that cannot exist: loads the DynamoDB client's request path without granting anything.
        authenticator.decide("GET", "/journeys/j_priming", Map.of("authorization", "Bearer kf_priming"));
    }

    @Override
    public JsonNode handle(JsonNode event, Context context) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = event.path("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            headers.put(header.getKey(), header.getValue().asText());
        }
        String methodArn = event.path("methodArn").asText();
        Authenticator.Decision decision = authenticator.decide(event.path("httpMethod").asText(), event.path("path").asText(), headers);
        return switch (decision) {
            case Authenticator.Unauthenticated ignored -> throw new UnauthorizedException();
            case Authenticator.Denied denied -> policy(denied.principal(), "Deny", methodArn);
            case Authenticator.Allowed allowed -> policy(allowed.principal(), "Allow", methodArn);
        };
    }

    private static ObjectNode policy(Principal principal, String effect, String methodArn) {
        ObjectNode response = Json.object().put("principalId",
                principal.type() == Principal.Type.JOURNEY ? "journey:" + principal.journeyId() : "tenant:" + principal.tenantId());
        ObjectNode document = response.putObject("policyDocument").put("Version", "2012-10-17");
        document.putArray("Statement").addObject()
                .put("Action", "execute-api:Invoke")
                .put("Effect", effect)
                .put("Resource", methodArn);
        ObjectNode context = response.putObject("context")
                .put("tenantId", principal.tenantId())
                .put("principalType", principal.type() == Principal.Type.JOURNEY ? "journey" : "apiKey")
                .put("scopes", Scope.join(principal.scopes()));
        if (principal.keyId() != null) {
            context.put("keyId", principal.keyId());
        }
        if (principal.journeyId() != null) {
            context.put("journeyId", principal.journeyId());
        }
        return response;
    }
}
