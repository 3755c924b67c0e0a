// SPDX-License-Identifier: Apache-2.0
package io.cascade.conferencing.turn.bench;

import io.cascade.distribution.stun.ChannelNumber;
import io.cascade.distribution.stun.ErrorCode;
import io.cascade.distribution.stun.Lifetime;
import io.cascade.distribution.stun.Nonce;
import io.cascade.distribution.stun.Realm;
import io.cascade.distribution.stun.RequestedTransport;
import io.cascade.distribution.stun.StunAttribute;
import io.cascade.distribution.stun.StunClass;
import io.cascade.distribution.stun.StunCredentials;
import io.cascade.distribution.stun.StunDecoder;
import io.cascade.distribution.stun.StunFormatException;
import io.cascade.distribution.stun.StunHeader;
import io.cascade.distribution.stun.StunMessage;
import io.cascade.distribution.stun.StunMessageBuilder;
import io.cascade.distribution.stun.StunMethod;
import io.cascade.distribution.stun.TransactionId;
import io.cascade.distribution.stun.Username;
import io.cascade.distribution.stun.XorPeerAddress;
import io.cascade.distribution.stun.XorRelayedAddress;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A small blocking TURN client over UDP (RFC 8656 §6-§12 client side), written on the shared STUN
 * codec: the load generator's set-up path and the protocol tests' client. It answers 401 and 438
 * challenges itself (RFC 8489 §9.2.3) and keeps REALM and NONCE for the next request.
 *
 * <p>Not for production use: one request at a time, retransmission by simple retry.
 */
public final class TurnClient implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private final DatagramChannel channel;
    private final Selector selector;
    private String username;
    private String password;
    private final ByteBuffer receive = ByteBuffer.allocateDirect(65_536);
    private String realm;
    private String nonce;
    private byte[] key;
    private Duration timeout = Duration.ofSeconds(2);

    /** Opens a socket on 127.0.0.1 connected to {@code server}. */
    public TurnClient(InetSocketAddress server, String username, String password) throws IOException {
        this.channel = DatagramChannel.open();
        channel.bind(new InetSocketAddress(server.getAddress(), 0));
        channel.connect(server);
        channel.configureBlocking(false);
        this.selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        this.username = username;
        this.password = password;
    }

    public InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /** The socket, for load generators that take over after set-up. */
    public DatagramChannel channel() {
        return channel;
    }

    public TurnClient timeout(Duration value) {
        this.timeout = value;
        return this;
    }

    /** Allocate for UDP; returns the relayed address. */
    public InetSocketAddress allocate() throws IOException {
        StunMessage response = requireSuccess(request(StunMethod.ALLOCATE, new RequestedTransport(RequestedTransport.UDP)));
        return response.find(XorRelayedAddress.class).orElseThrow().address();
    }

    /** CreatePermission for the IPs of these peers. */
    public void createPermission(InetSocketAddress... peers) throws IOException {
        requireSuccess(request(StunMethod.CREATE_PERMISSION,
                Arrays.stream(peers).map(XorPeerAddress::new).toArray(StunAttribute[]::new)));
    }

    public void channelBind(int number, InetSocketAddress peer) throws IOException {
        requireSuccess(request(StunMethod.CHANNEL_BIND, new ChannelNumber(number), new XorPeerAddress(peer)));
    }

    /** Refresh; returns the granted lifetime in seconds. */
    public long refresh(long lifetimeSeconds) throws IOException {
        return requireSuccess(request(StunMethod.REFRESH, new Lifetime(lifetimeSeconds)))
                .find(Lifetime.class).orElseThrow().seconds();
    }

    /**
     * Sends an authenticated request (answering one 401/438 challenge) and returns the response,
     * success or error.
     */
    public StunMessage request(StunMethod method, StunAttribute... attributes) throws IOException {
        StunMessage response = requestOnce(method, attributes);
        Optional<ErrorCode> error = response.find(ErrorCode.class);
        if (error.isPresent() && (error.get().code() == 401 || error.get().code() == 438)
                && response.find(Nonce.class).isPresent()) {
            realm = response.find(Realm.class).map(Realm::value).orElse(realm);
            nonce = response.find(Nonce.class).orElseThrow().value();
            key = StunCredentials.longTermKey(username, realm, password);
            response = requestOnce(method, attributes);
        }
        return response;
    }

    private StunMessage requestOnce(StunMethod method, StunAttribute... attributes) throws IOException {
        return exchange(encodeAuthenticated(method, attributes));
    }

    /**
     * A request with a fresh transaction id, carrying USERNAME, REALM, NONCE and
     * MESSAGE-INTEGRITY once a challenge has been answered, and FINGERPRINT.
     */
    public byte[] encodeAuthenticated(StunMethod method, StunAttribute... attributes) {
        StunMessageBuilder builder = StunMessageBuilder.request(method, TransactionId.random(RANDOM));
        for (StunAttribute attribute : attributes) {
            builder.add(attribute);
        }
        if (nonce != null) {
            builder.add(new Username(username)).add(new Realm(realm)).add(new Nonce(nonce)).messageIntegrity(key);
        }
        return builder.fingerprint().encode();
    }

    /** The NONCE from the last challenge, or null before one. */
    public String nonce() {
        return nonce;
    }

    /** Switches to other credentials on the same socket (5-tuple); the next request is challenged. */
    public TurnClient credentials(String newUsername, String newPassword) {
        this.username = newUsername;
        this.password = newPassword;
        this.nonce = null;
        this.key = null;
        return this;
    }

    /** Sends a request as given (bytes) and waits for the response with its transaction id. */
    public StunMessage exchange(byte[] request) throws IOException {
        byte[] id = Arrays.copyOfRange(request, 8, 20);
        for (int attempt = 0; attempt < 3; attempt++) {
            channel.write(ByteBuffer.wrap(request));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                byte[] datagram = receive(Duration.ofNanos(deadline - System.nanoTime()));
                if (datagram != null && StunHeader.isStun(datagram, 0, datagram.length)
                        && Arrays.equals(Arrays.copyOfRange(datagram, 8, 20), id)) {
                    try {
                        return StunDecoder.decode(datagram);
                    } catch (StunFormatException e) {
                        throw new IOException("bad response: " + e.getMessage(), e);
                    }
                }
            }
        }
        throw new SocketTimeoutException("no response to " + StunHeader.class.getSimpleName() + " request");
    }

    /** Sends raw bytes to the server (ChannelData, indications, garbage). */
    public void sendRaw(byte[] datagram) throws IOException {
        channel.write(ByteBuffer.wrap(datagram));
    }

    /** The next datagram from the server, or null after {@code wait}. */
    public byte[] receive(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            receive.clear();
            if (channel.read(receive) > 0 || receive.position() > 0) {
                receive.flip();
                byte[] datagram = new byte[receive.remaining()];
                receive.get(datagram);
                return datagram;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            selector.select(Math.max(1, left / 1_000_000));
            selector.selectedKeys().clear();
        }
    }

    /** All datagrams that arrive within {@code wait}. */
    public List<byte[]> drain(Duration wait) throws IOException {
        List<byte[]> all = new ArrayList<>();
        for (byte[] d = receive(wait); d != null; d = receive(wait)) {
            all.add(d);
        }
        return all;
    }

    private static StunMessage requireSuccess(StunMessage response) throws IOException {
        if (response.messageClass() != StunClass.SUCCESS_RESPONSE) {
            throw new IOException(response.method() + " failed: " + response.find(ErrorCode.class)
                    .map(e -> e.code() + " " + e.reason()).orElse("no ERROR-CODE"));
        }
        return response;
    }

    @Override
    public void close() throws IOException {
        selector.close();
        channel.close();
    }
}
