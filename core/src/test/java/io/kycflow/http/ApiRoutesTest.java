package io.kycflow.http;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ApiRoutesTest {

    @Test
    void matchesTemplatesAndExtractsParameters() {
        ApiRoutes.Match match = ApiRoutes.match("POST", "/journeys/j_abc/consent");
        assertEquals("consent", match.route().id());
        assertEquals("j_abc", match.pathParameters().get("journeyId"));
        assertEquals("getJourney", ApiRoutes.match("GET", "/journeys/j_abc").route().id());
        assertNull(ApiRoutes.match("DELETE", "/journeys/j_abc"));
        assertNull(ApiRoutes.match("GET", "/journeys/a/b/c"));
    }

    /** template.yaml must expose exactly the routes the API serves (API Gateway would 403 the others). */
    @Test
    void templateDeclaresEveryRoute() throws IOException {
        Path template = Path.of(System.getProperty("kycflow.project.dir", "..")).resolve("template.yaml");
        String yaml = Files.readString(template);
        Pattern event = Pattern.compile("Path:\\s*(\\S+)\\s*\\n\\s*Method:\\s*(\\w+)", Pattern.CASE_INSENSITIVE);
        Set<String> declared = new HashSet<>();
        Matcher m = event.matcher(yaml);
        while (m.find()) {
            declared.add(m.group(2).toUpperCase() + " " + m.group(1));
        }
        Set<String> served = new HashSet<>();
        ApiRoutes.ROUTES.forEach(route -> served.add(route.method() + " " + route.template()));
        served.add("GET " + ApiRoutes.HEALTH);
        assertEquals(served, declared);
    }
}
