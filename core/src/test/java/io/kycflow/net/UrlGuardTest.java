package io.kycflow.net;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class UrlGuardTest {
    private final UrlGuard guard = new UrlGuard(Set.of());

    @Test
    void refusesInternalAddresses() {
        for (String url : new String[]{"http://127.0.0.1/hook", "http://localhost:8080/x", "https://10.1.2.3/",
                "https://172.16.0.1/", "https://192.168.1.1/", "http://169.254.169.254/latest/meta-data",
                "https://[::1]/", "https://[fd00::1]/", "https://100.64.0.1/", "http://0.0.0.0/", "https://[::ffff:10.0.0.1]/"}) {
            assertNotNull(guard.refusal(url), url);
        }
    }

    @Test
    void refusesOtherSchemesCredentialsAndGarbage() {
        assertNotNull(guard.refusal("ftp://203.0.113.10/x"));
        assertNotNull(guard.refusal("file:///etc/passwd"));
        assertNotNull(guard.refusal("https://user:pw@203.0.113.10/"));
        assertNotNull(guard.refusal("not a url"));
    }

    @Test
    void allowsPublicAddressesAndTheAllowList() {
        assertNull(guard.refusal("https://203.0.113.10/hooks/kyc"));
        assertNull(new UrlGuard(Set.of("127.0.0.1")).refusal("http://127.0.0.1:9000/hook"));
    }

    @Test
    void httpsOnlyRefusesPlainHttpExceptToTheAllowList() {
        assertNotNull(guard.refusal("http://203.0.113.10/sdn.csv", true));
        assertNull(guard.refusal("https://203.0.113.10/sdn.csv", true));
        assertNull(new UrlGuard(Set.of("127.0.0.1")).refusal("http://127.0.0.1:9000/sdn.csv", true));
    }
}
