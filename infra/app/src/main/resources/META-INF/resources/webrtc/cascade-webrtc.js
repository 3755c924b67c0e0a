// SPDX-License-Identifier: Apache-2.0
// WHIP publish and WHEP play for Cascade's demo pages (docs/webrtc.md). No libraries.
'use strict';

async function postOffer(url, pc, token) {
  await pc.setLocalDescription(await pc.createOffer());
  const headers = {'Content-Type': 'application/sdp'};
  if (token) headers['Authorization'] = 'Bearer ' + token;
  const res = await fetch(url, {method: 'POST', body: pc.localDescription.sdp, headers});
  const text = await res.text();
  if (res.status !== 201) throw new Error(res.status + ' ' + text.trim());
  await pc.setRemoteDescription({type: 'answer', sdp: text});
  return {status: res.status, location: res.headers.get('Location'), etag: res.headers.get('ETag')};
}

/** Publishes the camera and microphone to /whip/{key}. */
async function whipPublish(key, token, video) {
  const pc = new RTCPeerConnection();
  const media = await navigator.mediaDevices.getUserMedia({video: {width: 1280, height: 720}, audio: true});
  if (video) video.srcObject = media;
  for (const t of media.getTracks()) pc.addTransceiver(t, {direction: 'sendonly'});
  const r = await postOffer('/whip/' + encodeURIComponent(key), pc, token);
  return Object.assign({pc}, r);
}

/** Plays /whep/{id} into a video element. */
async function whepPlay(id, video) {
  const pc = new RTCPeerConnection();
  pc.addTransceiver('video', {direction: 'recvonly'});
  pc.addTransceiver('audio', {direction: 'recvonly'});
  const stream = new MediaStream();
  pc.ontrack = e => { stream.addTrack(e.track); if (video) video.srcObject = stream; };
  const r = await postOffer('/whep/' + encodeURIComponent(id), pc, null);
  return Object.assign({pc}, r);
}

/** The contract of ARCHITECTURE.md: per remote peer {peer, mode, framesDecoded, bytesReceived}. */
async function peerStats(pc, peer) {
  const out = {peer, mode: 'sfu', framesDecoded: 0, bytesReceived: 0, audioBytesReceived: 0,
               state: pc.connectionState};
  (await pc.getStats()).forEach(r => {
    if (r.type === 'inbound-rtp' && r.kind === 'video') {
      out.framesDecoded += r.framesDecoded || 0; out.bytesReceived += r.bytesReceived || 0;
      out.frameWidth = r.frameWidth; out.frameHeight = r.frameHeight;
    }
    if (r.type === 'inbound-rtp' && r.kind === 'audio') out.audioBytesReceived += r.bytesReceived || 0;
    if (r.type === 'outbound-rtp' && r.kind === 'video') {
      out.packetsSent = (out.packetsSent || 0) + r.packetsSent; out.framesEncoded = (out.framesEncoded || 0) + (r.framesEncoded || 0);
    }
  });
  return out;
}
