// SPDX-License-Identifier: Apache-2.0
package io.cascade.distribution.tier;

import io.cascade.distribution.relay.RelayListener;
import io.cascade.distribution.relay.StreamName;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Several relay listeners as one; listeners added after the relay exists (the puller needs the relay). */
final class ListenerChain implements RelayListener {
    private final List<RelayListener> listeners = new CopyOnWriteArrayList<>();

    ListenerChain(RelayListener first) {
        listeners.add(first);
    }

    void add(RelayListener l) {
        listeners.add(l);
    }

    @Override
    public void publisherSilent(StreamName stream, InetSocketAddress source) {
        listeners.forEach(l -> l.publisherSilent(stream, source));
    }

    @Override
    public void publisherResumed(StreamName stream, InetSocketAddress source) {
        listeners.forEach(l -> l.publisherResumed(stream, source));
    }

    @Override
    public void subscriberTimedOut(StreamName stream, long subscriberId, InetSocketAddress destination) {
        listeners.forEach(l -> l.subscriberTimedOut(stream, subscriberId, destination));
    }
}
