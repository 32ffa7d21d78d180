package io.kycflow.backends;

import ch.qos.logback.classic.BasicConfigurator;
import ch.qos.logback.classic.ClassicConstants;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Logback's fallback for applications without a Logback configuration: console output at WARN (ERROR for
 * DynamoDB Local), instead of Logback's DEBUG default, which makes the three servers (Pekko, Jetty, s3proxy) very
 * chatty.
 *
 * <p>Registered as a service so Logback asks it first; it steps aside whenever the application configures
 * Logback itself ({@code logback-test.xml}, {@code logback.xml} or {@code -Dlogback.configurationFile}), so it
 * never conflicts with a configuration file. Such a configuration may want
 * {@code <logger name="com.amazonaws.services.dynamodbv2.local" level="ERROR"/>} too. Not meant to be used directly.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_LOW_PRIORITY)
public final class QuietLoggingConfigurator extends ContextAwareBase implements Configurator {

    /** Instantiated by Logback through {@link java.util.ServiceLoader}. */
    public QuietLoggingConfigurator() {
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (applicationConfiguresLogback()) {
            return ExecutionStatus.NEUTRAL;
        }
        var console = new BasicConfigurator();
        console.setContext(context);
        console.configure(context);
        context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.WARN);
        // DynamoDB Local logs every client error (each failed condition, each cancelled transaction) with a stack
        // trace at WARN; the log4j2.xml it ships with silences its loggers altogether.
        context.getLogger("com.amazonaws.services.dynamodbv2.local").setLevel(Level.ERROR);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static boolean applicationConfiguresLogback() {
        ClassLoader loader = QuietLoggingConfigurator.class.getClassLoader();
        return System.getProperty(ClassicConstants.CONFIG_FILE_PROPERTY) != null
                || loader.getResource(ClassicConstants.TEST_AUTOCONFIG_FILE) != null
                || loader.getResource(ClassicConstants.AUTOCONFIG_FILE) != null;
    }
}
