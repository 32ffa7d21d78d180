package io.kycflow.backends;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** This module has no Logback configuration file, so the fallback applies here. */
class QuietLoggingConfiguratorTest {

    @Test
    void warnByDefaultAndDynamoDbLocalOnlyOnErrors() {
        Logger s3proxy = LoggerFactory.getLogger("org.gaul.s3proxy.S3ProxyHandler");
        Logger dynamoDbLocal = LoggerFactory.getLogger("com.amazonaws.services.dynamodbv2.local.server.LocalDynamoDBServerHandler");

        assertTrue(s3proxy.isWarnEnabled());
        assertFalse(s3proxy.isInfoEnabled());
        assertTrue(dynamoDbLocal.isErrorEnabled());
        assertFalse(dynamoDbLocal.isWarnEnabled());
    }
}
