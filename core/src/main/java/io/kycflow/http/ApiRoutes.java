package io.kycflow.http;

import io.kycflow.auth.Principal;
import io.kycflow.auth.Scope;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every HTTP route the API serves, with who may call it. The authorizer checks callers against this table, the
 * API handler dispatches on it, and a test keeps template.yaml's API events in line with it.
 */
public final class ApiRoutes {

    /** Who may call a route: tenants with an API key carrying a scope, or the end user with a journey token. */
    public sealed interface Access permits ScopeAccess, JourneyAccess {
    }

    /** Tenant API key with this scope. */
    public record ScopeAccess(Scope scope) implements Access {
    }

    /** The journey token of the journey named in the path. */
    public record JourneyAccess() implements Access {
    }

    /**
     * One route.
     *
     * @param id       stable name used by the handler's dispatch
     * @param method   HTTP method
     * @param template path template as API Gateway writes it, e.g. {@code /journeys/{journeyId}}
     * @param access   who may call it
     * @param function the Lambda function that serves it ({@link #SUBMISSION_API} or {@link #AML_SCREENING})
     */
    public record Route(String id, String method, String template, Access access, String function) {
        Pattern pattern() {
            return Pattern.compile("^" + template.replaceAll("\\{[^/]+}", "([^/]+)") + "/?$");
        }
    }

    /** A route matched against a request, with its path parameters. */
    public record Match(Route route, Map<String, String> pathParameters) {

        /** Why the caller may not call the route, or null when it may. */
        public String refusal(Principal caller) {
            return switch (route.access()) {
                case ScopeAccess scoped -> caller.type() == Principal.Type.API_KEY && caller.scopes().contains(scoped.scope())
                        ? null : "requires scope " + scoped.scope().value();
                case JourneyAccess journey -> caller.type() == Principal.Type.JOURNEY
                        && pathParameters.get("journeyId").equals(caller.journeyId())
                        ? null : "requires this journey's token";
            };
        }
    }

    /**
     * {@code GET /health}: whether the API is ready, without credentials and without data. Not a route of {@link #ROUTES}
     * (no authorizer runs): the local gateway answers it itself, from its own state; deployed, the submission API
     * function answers it (template.yaml), ready whenever it runs.
     */
    public static final String HEALTH = "/health";

    /** The journey API function. */
    public static final String SUBMISSION_API = "submission-api";
    /** The screening function: KYC checks and KYA, which need the sanctions index in memory. */
    public static final String AML_SCREENING = "aml-screening";

    public static final List<Route> ROUTES = List.of(
            new Route("createJourney", "POST", "/journeys", new ScopeAccess(Scope.KYC_WRITE), SUBMISSION_API),
            new Route("getJourney", "GET", "/journeys/{journeyId}", new ScopeAccess(Scope.KYC_READ), SUBMISSION_API),
            new Route("consent", "POST", "/journeys/{journeyId}/consent", new JourneyAccess(), SUBMISSION_API),
            new Route("document", "POST", "/journeys/{journeyId}/document", new JourneyAccess(), SUBMISSION_API),
            new Route("uploads", "POST", "/journeys/{journeyId}/uploads", new JourneyAccess(), SUBMISSION_API),
            new Route("journeyStatus", "GET", "/journeys/{journeyId}/status", new JourneyAccess(), SUBMISSION_API),
            new Route("createKyc", "POST", "/kyc", new ScopeAccess(Scope.KYC_WRITE), AML_SCREENING),
            new Route("getKyc", "GET", "/kyc/{jobId}", new ScopeAccess(Scope.KYC_READ), AML_SCREENING),
            new Route("kycHits", "GET", "/kyc/{jobId}/hits", new ScopeAccess(Scope.KYC_READ), AML_SCREENING),
            new Route("reviewHit", "PATCH", "/kyc/{jobId}/hits/{hitId}", new ScopeAccess(Scope.KYC_REVIEW), AML_SCREENING),
            new Route("decideKyc", "POST", "/kyc/{jobId}/decision", new ScopeAccess(Scope.KYC_REVIEW), AML_SCREENING),
            new Route("kycMetadata", "PUT", "/kyc/{jobId}/metadata", new ScopeAccess(Scope.KYC_WRITE), AML_SCREENING),
            new Route("createKya", "POST", "/kya", new ScopeAccess(Scope.KYC_WRITE), AML_SCREENING),
            new Route("getKya", "GET", "/kya/{kyaId}", new ScopeAccess(Scope.KYC_READ), AML_SCREENING));

    private static final List<Pattern> PATTERNS = ROUTES.stream().map(Route::pattern).toList();
    private static final Pattern PARAM = Pattern.compile("\\{([^/]+)}");

    private ApiRoutes() {
    }

    /** The route for a method and concrete path, or null when none matches. */
    public static Match match(String method, String path) {
        for (int i = 0; i < ROUTES.size(); i++) {
            Route route = ROUTES.get(i);
            if (!route.method().equalsIgnoreCase(method)) {
                continue;
            }
            Matcher m = PATTERNS.get(i).matcher(path);
            if (m.matches()) {
                Matcher names = PARAM.matcher(route.template());
                Map<String, String> params = new java.util.LinkedHashMap<>();
                int group = 1;
                while (names.find()) {
                    params.put(names.group(1), m.group(group++));
                }
                return new Match(route, Map.copyOf(params));
            }
        }
        return null;
    }

    /** The route with this id. */
    public static Route byId(String id) {
        return ROUTES.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no route " + id));
    }
}
