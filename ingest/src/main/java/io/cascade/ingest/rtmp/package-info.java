// SPDX-License-Identifier: Apache-2.0
/**
 * RTMP ingest: a server that takes live streams from publishers such as FFmpeg and OBS and hands
 * their H.264 and AAC to the platform.
 *
 * <h2>Using it</h2>
 * The platform implements {@link io.cascade.ingest.rtmp.RtmpPublishHandler}: given the app,
 * the stream key and the client's address it refuses, or accepts with an
 * {@link io.cascade.ingest.rtmp.RtmpMediaSink} that receives the AVC and AAC configurations,
 * the frames (timestamps extended past 32 bits), the onMetaData values and, once, the end.
 * {@link io.cascade.ingest.rtmp.RtmpServer} binds, runs and stops;
 * {@link io.cascade.ingest.rtmp.RtmpServer#stats()} reads the counters.
 *
 * <h2>What is supported</h2>
 * <ul>
 *   <li>Handshake version 3, simple (§5.2) and the Flash Player 9 digest variant
 *       ({@link io.cascade.ingest.rtmp.HandshakeDigest}). No RTMPE/RTMPS/RTMPT.
 *   <li>Chunk stream (§5.3): all four header types, extended timestamps (also on type 3
 *       chunks, §5.3.1.3), per-chunk-stream state, interleaving. Protocol control (§5.4):
 *       Set Chunk Size, Abort, Acknowledgement (sent whenever the client's window, or 2500000
 *       bytes until it sets one, has been received), Window Acknowledgement Size, Set Peer
 *       Bandwidth. User control (§6.2): Stream Begin sent, Ping Request answered.
 *   <li>Commands (§7.2): connect, releaseStream, FCPublish, createStream, publish,
 *       FCUnpublish, closeStream, deleteStream; {@code @setDataFrame onMetaData}. Replies:
 *       {@code _result}, {@code _error} NetConnection.Call.Failed, {@code onStatus}
 *       NetStream.Publish.Start / NetStream.Publish.BadName / NetStream.Play.Failed.
 *   <li>Media: H.264 (FLV codec id 7) and AAC (sound format 10). Other codecs, Enhanced RTMP
 *       FourCC video and aggregate messages are counted and dropped with one log line per
 *       connection.
 * </ul>
 *
 * <h2>Limits and refusals</h2>
 * Every limit is in {@link io.cascade.ingest.rtmp.RtmpServerConfig} with its default: chunk size,
 * message size, pending bytes, chunk stream ids, streams per connection, handshake and idle
 * timeouts, connections. A violation closes only that connection, writes one log line
 * ({@code rtmp ADDRESS [key=sha256:xxxxxxxx] closed: REASON (detail)}, a warning for client
 * violations) and counts the {@link io.cascade.ingest.rtmp.CloseReason}. Stream keys are never
 * logged; a SHA-256 prefix stands in for them. A second publisher of a live key is refused with
 * NetStream.Publish.BadName unless the handler accepted it with
 * {@link io.cascade.ingest.rtmp.PublishDecision#acceptAlongside}.
 *
 * <h2>Threads and buffers</h2>
 * A connection's handlers, its handler call and its sink calls all run on its event loop thread.
 * Message buffers are pooled and owned by one handler at a time; the sink gets copies.
 *
 * <p>Specifications:
 * <ul>
 *   <li>Adobe, Real-Time Messaging Protocol (RTMP) specification 1.0 (December 2012): §5.2
 *       handshake, §5.3 chunking, §5.4 protocol control messages, §6.1 message format, §6.2
 *       user control messages, §7.1 message types, §7.2 commands.
 *   <li>AMF0 (package {@code io.cascade.ingest.amf}); FLV, AVC and AAC payloads (package
 *       {@code io.cascade.ingest.flv}).
 *   <li>The digest handshake is not in the Adobe document; it is described in the class that
 *       implements it.
 * </ul>
 */
package io.cascade.ingest.rtmp;
