// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.signaling;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** One 1:1 call at its home node; changed only by {@link Calls}, on the node's thread. */
public final class Call {
    private final String id;
    private final String caller;
    private final String callee;
    private final Instant created;
    private final Instant ringDeadline;
    private final Capabilities callerCaps;
    private Capabilities calleeCaps;
    /** Bitrate each party last reported (bandwidth), never above what it declared. */
    private final Map<CallRole, Integer> reportedKbps = new EnumMap<>(CallRole.class);
    private final Map<String, MediaMode> modes = new HashMap<>();
    private final CallChat chat = new CallChat();
    private CallState state = CallState.INVITING;
    private Instant answered;
    private CallConfig config;
    private String calleeNode;

    Call(String id, String caller, String callee, Capabilities callerCaps, Instant created, Duration ringTimeout) {
        this.id = id;
        this.caller = caller;
        this.callee = callee;
        this.callerCaps = callerCaps;
        this.created = created;
        this.ringDeadline = created.plus(ringTimeout);
    }

    public String id() {
        return id;
    }

    public String caller() {
        return caller;
    }

    public String callee() {
        return callee;
    }

    public CallState state() {
        return state;
    }

    public Optional<CallConfig> config() {
        return Optional.ofNullable(config);
    }

    public Optional<Instant> answered() {
        return Optional.ofNullable(answered);
    }

    public Instant created() {
        return created;
    }

    /** The node the callee was rung on, once known. */
    public Optional<String> calleeNode() {
        return Optional.ofNullable(calleeNode);
    }

    boolean isParty(String user) {
        return caller.equals(user) || callee.equals(user);
    }

    String other(String user) {
        return caller.equals(user) ? callee : caller;
    }

    CallRole role(String user) {
        return caller.equals(user) ? CallRole.CALLER : CallRole.CALLEE;
    }

    Capabilities callerCaps() {
        return callerCaps;
    }

    Instant ringDeadline() {
        return ringDeadline;
    }

    CallChat chat() {
        return chat;
    }

    void state(CallState next) {
        state = next;
    }

    void answered(Instant when, Capabilities calleeCapabilities, CallConfig agreed) {
        answered = when;
        calleeCaps = calleeCapabilities;
        config = agreed;
        state = CallState.ACTIVE;
    }

    void calleeNode(String node) {
        calleeNode = node;
    }

    /** Records a bandwidth report and returns the configuration it leads to (codecs are shared: present). */
    CallConfig report(String user, int kbps) {
        CallRole role = role(user);
        Capabilities declared = role == CallRole.CALLER ? callerCaps : calleeCaps;
        reportedKbps.put(role, Math.min(kbps, declared.maxBitrateKbps()));
        return CallConfig.agree(effective(CallRole.CALLER), effective(CallRole.CALLEE)).orElseThrow();
    }

    private Capabilities effective(CallRole role) {
        Capabilities declared = role == CallRole.CALLER ? callerCaps : calleeCaps;
        Integer kbps = reportedKbps.get(role);
        return kbps == null ? declared : declared.withBitrate(kbps);
    }

    void config(CallConfig next) {
        config = next;
    }

    /** Sets the user's media mode; returns the previous one (null when first reported). */
    MediaMode mode(String user, MediaMode mode) {
        return modes.put(user, mode);
    }
}
