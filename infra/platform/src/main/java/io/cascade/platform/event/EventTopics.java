// SPDX-License-Identifier: Apache-2.0
package io.cascade.platform.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the events topic when it is missing, so that production needs no manual step. */
public final class EventTopics {
    private EventTopics() {}

    /** @return true when the topic exists afterwards */
    public static boolean ensure(Admin admin, String topic, int partitions, short replication, Duration timeout)
            throws InterruptedException {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, replication)))
                    .all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return e.getCause() instanceof TopicExistsException;
        } catch (TimeoutException e) {
            return false;
        }
    }
}
