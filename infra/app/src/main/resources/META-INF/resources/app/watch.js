// SPDX-License-Identifier: Apache-2.0
// The viewer page /watch/{broadcastId} (docs/playback.md): LL-HLS with hls.js on TVs and phones,
// WHEP on desktop browsers; ?mode=hls|whep forces one, ?rendition= picks a WHEP rendition,
// ?token= carries a playback token. window.cascade.stats() reports what plays. No frameworks.
'use strict';

(function () {
  const id = decodeURIComponent(location.pathname.split('/').filter(Boolean).pop() || '');
  const query = new URLSearchParams(location.search);
  const token = query.get('token');
  const video = document.getElementById('video');
  const status = document.getElementById('status');

  // TVs and phones get HLS with ABR (their WebRTC stacks vary, HLS is what they do best);
  // desktop browsers get WHEP (sub-second latency).
  const TV_OR_MOBILE = /Mobi|Android|iPhone|iPad|iPod|SmartTV|SMART-TV|Tizen|Web0S|WebOS|HbbTV|AppleTV|CrKey|Roku|AFT[A-Z]|BRAVIA|PlayStation|Xbox/i;
  function defaultMode() {
    return TV_OR_MOBILE.test(navigator.userAgent) ? 'hls' : 'whep';
  }
  const forced = query.get('mode');
  const mode = forced === 'hls' || forced === 'whep' ? forced : defaultMode();

  function withToken(url) {
    if (!token) return url;
    return url + (url.indexOf('?') < 0 ? '?' : '&') + 'token=' + encodeURIComponent(token);
  }

  function show(text) { status.textContent = text; }

  document.getElementById('unmute').onclick = () => { video.muted = false; video.play().catch(() => {}); };

  // ---- LL-HLS

  const hlsState = {hls: null, bytes: 0, errors: [], jumps: 0};
  const MAX_BEHIND_S = 3; // seconds behind the target latency after which playback jumps to it

  function playHls() {
    const src = withToken('/hls/' + encodeURIComponent(id) + '/master.m3u8');
    if (window.Hls && window.Hls.isSupported()) {
      const hls = new window.Hls({
        // Target latency: the playlist's PART-HOLD-BACK (3 parts), hls.js's own choice in
        // low-latency mode. Setting liveSyncDuration(Count) would replace it with a multiple of
        // the whole target duration (2 s here), which is what held playback 2 s behind before.
        lowLatencyMode: true,
        maxLiveSyncPlaybackRate: 1.5, // catch up after a stall (docs/playback.md)
        liveSyncOnStallIncrease: 0.2, // a stall raises the target by 200 ms, not hls.js's 1 s
        backBufferLength: 30,
        // Playlists name their parts relatively; the token rides on every request.
        xhrSetup: token ? (xhr, url) => xhr.open('GET', withToken(url), true) : undefined,
      });
      hlsState.hls = hls;
      // parts and segments as they reach the buffer (FRAG_LOADED has no payload for streamed parts)
      hls.on(window.Hls.Events.FRAG_BUFFERED, (e, data) => {
        hlsState.bytes += data.stats && data.stats.loaded ? data.stats.loaded : 0;
      });
      hls.on(window.Hls.Events.ERROR, (e, data) => {
        hlsState.errors.push(data.details);
        if (hlsState.errors.length > 20) hlsState.errors.shift();
        if (data.fatal) show('HLS error: ' + data.type + ' ' + data.details);
      });
      hls.loadSource(src);
      hls.attachMedia(video);
      // hls.js speeds up only near its target; far behind (a long stall, a slow start) jump back.
      hlsState.catchUp = setInterval(() => {
        const latency = hls.latency, target = hls.targetLatency, live = hls.liveSyncPosition;
        if (latency > 0 && target !== null && live !== null && latency > target + MAX_BEHIND_S && !video.paused) {
          video.currentTime = live;
          hlsState.jumps = (hlsState.jumps || 0) + 1;
        }
      }, 1000);
      return new Promise(resolve => {
        hls.on(window.Hls.Events.MANIFEST_PARSED, (e, data) => {
          show('LL-HLS, ' + data.levels.length + ' renditions');
          video.play().catch(() => {});
          resolve({mode: 'hls', levels: data.levels.length});
        });
        hls.on(window.Hls.Events.ERROR, (e, data) => {
          if (data.fatal) resolve({mode: 'hls', error: data.details});
        });
      });
    }
    if (video.canPlayType('application/vnd.apple.mpegurl')) { // Safari: native LL-HLS
      video.src = src;
      show('LL-HLS (native)');
      return Promise.resolve({mode: 'hls', native: true});
    }
    show('this browser plays neither MSE nor native HLS');
    return Promise.resolve({mode: 'hls', error: 'unsupported'});
  }

  // ---- WHEP (draft-ietf-wish-whep): one recvonly offer, the answer, ICE and DTLS from the browser

  const whepState = {pc: null, location: null, rendition: null};

  async function playWhep() {
    const pc = new RTCPeerConnection();
    whepState.pc = pc;
    pc.addTransceiver('video', {direction: 'recvonly'});
    pc.addTransceiver('audio', {direction: 'recvonly'});
    const stream = new MediaStream();
    pc.ontrack = e => {
      // Live, not a call: ask for the smallest jitter buffer the browser will run (0 ms target;
      // it still waits for whole frames and for loss repair). Chrome and Firefox honour it.
      if ('jitterBufferTarget' in e.receiver) e.receiver.jitterBufferTarget = 0;
      stream.addTrack(e.track);
      video.srcObject = stream;
      video.play().catch(() => {});
    };
    pc.onconnectionstatechange = () => show('WHEP ' + pc.connectionState + (whepState.rendition ? ', ' + whepState.rendition : ''));
    await pc.setLocalDescription(await pc.createOffer());
    let url = '/whep/' + encodeURIComponent(id);
    if (query.get('rendition')) url += '?rendition=' + encodeURIComponent(query.get('rendition'));
    const res = await fetch(withToken(url), {method: 'POST', body: pc.localDescription.sdp,
                                             headers: {'Content-Type': 'application/sdp'}});
    const text = await res.text();
    if (res.status !== 201) {
      show('WHEP refused: ' + res.status + ' ' + text.trim());
      return {mode: 'whep', status: res.status, error: text.trim()};
    }
    await pc.setRemoteDescription({type: 'answer', sdp: text});
    whepState.location = res.headers.get('Location');
    whepState.rendition = query.get('rendition');
    addEventListener('pagehide', () => { if (whepState.location) fetch(whepState.location, {method: 'DELETE', keepalive: true}); });
    show('WHEP connecting');
    return {mode: 'whep', status: res.status, location: whepState.location};
  }

  // ---- stats: the contract of ARCHITECTURE.md, plus what each mode knows

  async function stats() {
    const out = {peer: 'broadcast', mode, broadcast: id, framesDecoded: 0, bytesReceived: 0};
    if (mode === 'hls') {
      const q = video.getVideoPlaybackQuality ? video.getVideoPlaybackQuality() : null;
      out.framesDecoded = q ? q.totalVideoFrames - q.droppedVideoFrames : 0;
      out.bytesReceived = hlsState.bytes;
      const hls = hlsState.hls;
      if (hls) {
        out.latencyToLiveEdge = Number.isFinite(hls.latency) ? hls.latency : null;
        out.targetLatency = hls.targetLatency;
        out.jumps = hlsState.jumps;
        const level = hls.levels && hls.levels[hls.currentLevel];
        out.rendition = level ? level.height + 'p' : null;
        out.levels = hls.levels ? hls.levels.length : 0;
      }
      out.currentTime = video.currentTime;
      out.paused = video.paused;
      out.buffered = Array.from({length: video.buffered.length}, (_, i) => [video.buffered.start(i), video.buffered.end(i)]);
      out.errors = hlsState.errors.slice();
      return out;
    }
    const pc = whepState.pc;
    out.rendition = whepState.rendition;
    out.audioBytesReceived = 0;
    if (!pc) return out;
    out.state = pc.connectionState;
    (await pc.getStats()).forEach(r => {
      if (r.type === 'inbound-rtp' && r.kind === 'video') {
        out.framesDecoded += r.framesDecoded || 0;
        out.bytesReceived += r.bytesReceived || 0;
        out.frameWidth = r.frameWidth;
        out.frameHeight = r.frameHeight;
      }
      if (r.type === 'inbound-rtp' && r.kind === 'audio') out.audioBytesReceived += r.bytesReceived || 0;
    });
    return out;
  }

  const ready = (mode === 'hls' ? playHls() : playWhep())
    .catch(e => { show(String(e)); return {mode, error: String(e)}; });
  window.cascade = {broadcast: id, mode, ready, stats};
})();
