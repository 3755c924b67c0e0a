// SPDX-License-Identifier: Apache-2.0
package io.cascade.local.junit;

import io.cascade.local.EmbeddedKafka;
import io.cascade.local.Ports;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A real Kafka broker (KRaft) for one test class. Can be stopped and started again on the same port. */
public final class KafkaFixture implements BeforeAllCallback, AfterAllCallback {
    private final boolean startNow;
    private Path dir;
    private int port;
    private int controllerPort;
    private EmbeddedKafka kafka;

    public KafkaFixture() {
        this(true);
    }

    /** @param startNow false to only reserve ports, for tests that start Kafka late */
    public KafkaFixture(boolean startNow) {
        this.startNow = startNow;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = TempDirs.create("kafka");
        port = Ports.orFree(0);
        controllerPort = Ports.orFree(0);
        if (startNow) {
            start();
        }
    }

    public synchronized void start() throws Exception {
        if (kafka == null) {
            kafka = EmbeddedKafka.start(dir, port, controllerPort);
        }
    }

    public synchronized void stop() {
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Client settings pointing at this broker. */
    public Map<String, Object> clientConfig() {
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        TempDirs.delete(dir);
    }
}
